package io.quarkiverse.launchdarkly.runtime.ai;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;

/**
 * Makes {@link LaunchDarklyAi} injectable, over the application's one LaunchDarkly client. One instance per
 * application, so {@code $ld:ai:sdk:info} is sent once, when the bean is first created.
 */
@Singleton
public class LaunchDarklyAiProducer {

    private static final Logger LOG = Logger.getLogger(LaunchDarklyAiClient.class);

    @Produces
    @Singleton
    LaunchDarklyAi launchDarklyAi(LDClientInterface client, ConfigProblems problems, TrackingFailures failures) {
        return new LaunchDarklyAiClient(client, problems, failures::warning);
    }

    @Produces
    @Singleton
    ConfigProblems configProblems() {
        return new ConfigProblems(LOG::warn);
    }
}
