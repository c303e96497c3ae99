package io.quarkiverse.launchdarkly.deployment.events;

import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.received;
import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A real 30 s events outage, with the default flush interval and the default first backoff (only the backoff cap is
 * lowered from 1 min to 5 s, so that the test waits at most that long after the outage): the 1,000 events tracked
 * during it all arrive once LaunchDarkly answers again, in memory bounded by the spool. The SDK alone retries a payload
 * once, a second later, then drops it.
 */
class EventDeliveryLongOutageTest {

    static final Duration OUTAGE = Duration.ofSeconds(30);

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(DeliveryTestSupport.class)
                    .addAsResource(new StringAsset("""
                            quarkus.launchdarkly.events.diagnostic-opt-out=true
                            quarkus.launchdarkly.events.retry.max-backoff=5s
                            """), "application.properties"));

    @Inject
    LDClient client;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    DeliveryCounters counters;

    @Test
    void aThirtySecondOutageLosesNoneOfTheThousandEventsSentDuringIt() throws InterruptedException {
        DeliveryTestSupport.warmUp(local, client);
        long failedBefore = counters.failedAttempts();
        local.faults().inject(Fault.on("POST", "/bulk").status(503).always());
        long start = System.nanoTime();
        try {
            // 1,000 events spread over the outage: 50 every 1.5 s, each batch flushed into a failing request.
            for (int batch = 0; batch < 20; batch++) {
                track(client, "long-outage.event", 50);
                client.flush();
                Thread.sleep(1_500);
            }
            long left = OUTAGE.toNanos() - (System.nanoTime() - start);
            if (left > 0) {
                Thread.sleep(left / 1_000_000);
            }
            assertThat(received(local, "long-outage.event")).as("nothing got through the outage").isZero();
            assertThat(counters.failedAttempts() - failedBefore).as("attempts failed during the outage")
                    .isGreaterThanOrEqualTo(5);
            assertThat(counters.spooledBytes()).isPositive().isLessThanOrEqualTo(16L * 1024 * 1024);
        } finally {
            local.faults().clear();
        }

        local.events().awaitCustomEvents("long-outage.event", 1000, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> counters.spooledEvents() == 0);
        assertThat(received(local, "long-outage.event")).isEqualTo(1000);
        assertThat(counters.lostEvents()).isZero();
    }
}
