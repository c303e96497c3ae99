package io.quarkiverse.launchdarkly.startup;

import java.io.IOException;
import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;

import io.quarkus.runtime.Startup;

/**
 * The LaunchDarkly SDK created at startup and closed at shutdown by hand, against the same relay endpoint (a local
 * stand-in) the extension's application uses, waiting for its flags the same way.
 */
@Startup
@ApplicationScoped
public class LaunchDarklyByHand {

    private final LDClient client;

    LaunchDarklyByHand(@ConfigProperty(name = "launchdarkly.sdk-key") String sdkKey,
            @ConfigProperty(name = "launchdarkly.relay") String relay) {
        client = new LDClient(sdkKey, new LDConfig.Builder()
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(relay))
                .startWait(Duration.ofSeconds(5))
                .build());
    }

    @Produces
    @ApplicationScoped
    LDClient client() {
        return client;
    }

    @PreDestroy
    void close() throws IOException {
        client.close();
    }
}
