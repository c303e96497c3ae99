package io.quarkiverse.launchdarkly.runtime.ai;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;

/**
 * Makes {@link LaunchDarklyAi} injectable, over the application's one LaunchDarkly client. One instance per
 * application, so {@code $ld:ai:sdk:info} is sent once, when the bean is first created.
 */
@Singleton
public class LaunchDarklyAiProducer {

    @Produces
    @Singleton
    LaunchDarklyAi launchDarklyAi(LDClientInterface client) {
        return new LaunchDarklyAiClient(client);
    }
}
