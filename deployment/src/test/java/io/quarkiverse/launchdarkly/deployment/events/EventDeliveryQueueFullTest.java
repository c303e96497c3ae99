package io.quarkiverse.launchdarkly.deployment.events;

import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.WAIT;
import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.received;
import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.quarkiverse.launchdarkly.runtime.events.LossCause;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;

/**
 * More events between two flushes than {@code capacity}: the SDK alone drops the excess with one warning and no count.
 * The extension refuses the excess before the SDK's buffer and counts each refused event, so the count is exactly
 * what the stand-in never received.
 */
class EventDeliveryQueueFullTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(DeliveryTestSupport.class)
                    .addAsResource(new StringAsset(DeliveryTestSupport.FAST_RETRIES
                            + "quarkus.launchdarkly.events.capacity=100\n"
                            // Only the flushes of the test deliver.
                            + "quarkus.launchdarkly.events.flush-interval=1h\n"), "application.properties"));

    @Inject
    LDClient client;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    DeliveryCounters counters;

    @Test
    void theDroppedCountIsWhatTheStandInNeverReceived() {
        DeliveryTestSupport.warmUp(local, client);
        long droppedBefore = counters.lostEvents(LossCause.QUEUE_FULL);

        int sent = 150;
        track(client, "burst.event", sent);
        local.events().awaitCustomEvents("burst.event", 100, WAIT);
        // Another flush delivers nothing more: the excess was dropped, not delayed.
        client.flush();
        local.events().assertNoCustomEvent("never.tracked", java.time.Duration.ofMillis(300));

        long dropped = counters.lostEvents(LossCause.QUEUE_FULL) - droppedBefore;
        assertThat(received(local, "burst.event")).isEqualTo(100);
        assertThat(dropped).isEqualTo(sent - received(local, "burst.event"));

        // The capacity is free again after the flush.
        track(client, "after.burst", 100);
        local.events().awaitCustomEvents("after.burst", 100, WAIT);
        assertThat(counters.lostEvents(LossCause.QUEUE_FULL) - droppedBefore).isEqualTo(50);
    }
}
