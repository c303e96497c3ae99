package io.quarkiverse.launchdarkly.deployment.events;

import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.WAIT;
import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.received;
import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.quarkiverse.launchdarkly.runtime.events.LossCause;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The SDK alone retries a failed payload once and then drops it. Through the extension's delivery a payload is retried
 * until the stand-in takes it, so failures in a row and an outage lose nothing; a 4xx that retrying cannot change drops
 * the payload and counts it.
 */
class EventDeliveryRetryTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(DeliveryTestSupport.class)
                    .addAsResource(new StringAsset(DeliveryTestSupport.FAST_RETRIES
                            + "quarkus.launchdarkly.events.flush-interval=200ms\n"), "application.properties"));

    @Inject
    LDClient client;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    DeliveryCounters counters;

    @BeforeEach
    void warmUp() {
        DeliveryTestSupport.warmUp(local, client);
    }

    @AfterEach
    void noFaultLeft() {
        local.faults().clear();
    }

    @Test
    void threeServiceUnavailableInARowLoseNothing() {
        long failedBefore = counters.failedAttempts();
        local.faults().inject(Fault.on("POST", "/bulk").status(503).times(3));

        track(client, "retry.503", 200);
        local.events().awaitCustomEvents("retry.503", 200, WAIT);

        assertThat(local.faults().pending()).as("the stand-in failed three attempts").isEmpty();
        assertThat(counters.failedAttempts() - failedBefore).isEqualTo(3);
        assertThat(received(local, "retry.503")).isEqualTo(200);
        assertThat(counters.lostEvents()).isZero();
    }

    @Test
    void threeDroppedConnectionsInARowLoseNothing() {
        long failedBefore = counters.failedAttempts();
        local.faults().inject(Fault.on("POST", "/bulk").dropConnection().times(3));

        track(client, "retry.dropped", 200);
        local.events().awaitCustomEvents("retry.dropped", 200, WAIT);

        assertThat(local.faults().pending()).isEmpty();
        assertThat(counters.failedAttempts() - failedBefore).isEqualTo(3);
        assertThat(received(local, "retry.dropped")).isEqualTo(200);
        assertThat(counters.lostEvents()).isZero();
    }

    /**
     * The case is a 30 s outage with 1,000 events; what matters is that every flush of the outage fails and
     * is kept, that the spool holds all of it within its bound, and that delivery resumes. With a 100 ms backoff cap
     * the outage lasts until the thousand events wait in the spool and at least twenty attempts have failed, which
     * is many times the SDK's one retry, instead of 30 s.
     */
    @Test
    void anOutageLosesNothingAndTheSpoolStaysWithinItsBound() {
        long failedBefore = counters.failedAttempts();
        long spoolLimit = 16L * 1024 * 1024;
        local.faults().inject(Fault.on("POST", "/bulk").status(503).always());

        for (int batch = 0; batch < 10; batch++) {
            track(client, "outage.event", 100);
            client.flush();
        }
        await().atMost(WAIT).untilAsserted(() -> {
            client.flush();
            assertThat(counters.spooledEvents()).isEqualTo(1000);
            assertThat(counters.failedAttempts() - failedBefore).isGreaterThanOrEqualTo(20);
        });
        assertThat(counters.spooledBytes()).isPositive().isLessThanOrEqualTo(spoolLimit);
        assertThat(received(local, "outage.event")).isZero();

        local.faults().clear();
        local.events().awaitCustomEvents("outage.event", 1000, WAIT);
        await().atMost(WAIT).until(() -> counters.spooledEvents() == 0);
        assertThat(received(local, "outage.event")).isEqualTo(1000);
        assertThat(counters.lostEvents()).isZero();
    }

    @Test
    void aBadRequestDropsThePayloadAndCountsItsEvents() {
        long rejectedBefore = counters.lostEvents(LossCause.REJECTED);
        local.faults().inject(Fault.on("POST", "/bulk").status(400).times(1));

        track(client, "rejected.event", 7);
        client.flush();
        await().atMost(WAIT).until(() -> counters.lostEvents(LossCause.REJECTED) - rejectedBefore == 7);

        track(client, "after.rejected", 1);
        local.events().awaitCustomEvent("after.rejected");
        assertThat(received(local, "rejected.event")).isZero();
        assertThat(counters.lostPayloads(LossCause.REJECTED)).isEqualTo(1);
        assertThat(counters.stopped()).as("a 400 drops one payload, it does not stop delivery").isFalse();
    }
}
