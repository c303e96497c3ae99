package io.quarkiverse.launchdarkly.deployment.events;

import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.WAIT;
import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.received;
import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.quarkiverse.launchdarkly.runtime.events.LossCause;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;

/** An outage longer than the spool holds: the payloads that do not fit are dropped, and counted exactly. */
class EventDeliverySpoolFullTest {

    static final long SPOOL_BYTES = 2048;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(DeliveryTestSupport.class)
                    .addAsResource(new StringAsset(DeliveryTestSupport.FAST_RETRIES
                            + "quarkus.launchdarkly.events.spool-size=" + SPOOL_BYTES + "\n"
                            + "quarkus.launchdarkly.events.flush-interval=1h\n"), "application.properties"));

    @Inject
    LDClient client;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    DeliveryCounters counters;

    @AfterEach
    void noFaultLeft() {
        local.faults().clear();
    }

    @Test
    void theOverflowIsCountedExactly() {
        DeliveryTestSupport.warmUp(local, client);
        long droppedBefore = counters.lostEvents(LossCause.SPOOL_FULL);
        local.faults().inject(Fault.on("POST", "/bulk").status(503).always());

        // One payload per flush, each of three events, many more than 2 KB hold.
        int payloads = 40;
        long maxSpooled = 0;
        for (int i = 0; i < payloads; i++) {
            long handedOver = counters.payloadsSent();
            track(client, "spool.event", 3);
            client.flush();
            await().atMost(WAIT).until(() -> counters.payloadsSent() > handedOver);
            maxSpooled = Math.max(maxSpooled, counters.spooledBytes());
        }
        long dropped = counters.lostEvents(LossCause.SPOOL_FULL) - droppedBefore;
        assertThat(dropped).as("the spool overflowed").isPositive();
        assertThat(maxSpooled).isLessThanOrEqualTo(SPOOL_BYTES);

        local.faults().clear();
        await().atMost(WAIT).until(() -> counters.spooledEvents() == 0);
        int sent = payloads * 3;
        assertThat(received(local, "spool.event")).isEqualTo(sent - dropped);
        assertThat(counters.lostEvents()).isEqualTo(counters.lostEvents(LossCause.SPOOL_FULL));
    }
}
