package io.quarkiverse.launchdarkly.deployment.events;

import java.time.Duration;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;

/** Shared setup of the event delivery tests: short waits everywhere, so that retries take milliseconds. */
final class DeliveryTestSupport {

    /** The one context of every test: after {@link #warmUp} the SDK adds no index event for it. */
    static final LDContext USER = LDContext.create("delivery-user");
    static final Duration WAIT = Duration.ofSeconds(30);

    static final String FAST_RETRIES = """
            quarkus.launchdarkly.events.diagnostic-opt-out=true
            quarkus.launchdarkly.events.retry.initial-backoff=20ms
            quarkus.launchdarkly.events.retry.max-backoff=100ms
            """;

    private DeliveryTestSupport() {
    }

    /**
     * Forgets what the stand-in received and delivers one event of {@link #USER}, so that the payloads of the test hold
     * only its custom events (the SDK sends the context once, in an index event, the first time it sees it).
     */
    static void warmUp(LocalLaunchDarkly local, LDClient client) {
        local.reset();
        client.track("delivery.warm-up", USER);
        local.events().awaitCustomEvent("delivery.warm-up");
        local.events().clear();
    }

    static void track(LDClient client, String key, int count) {
        for (int i = 0; i < count; i++) {
            client.track(key, USER);
        }
    }

    static long received(LocalLaunchDarkly local, String key) {
        return local.events().customEventCounts().getOrDefault(key, 0L);
    }
}
