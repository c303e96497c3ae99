package io.quarkiverse.launchdarkly.it;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.LDClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.junit.QuarkusTest;

/**
 * With {@code quarkus-micrometer} the delivery figures are meters: sent, delivered, dropped by cause, waiting, and
 * delivery attempts, read from the registry and from {@code /q/metrics}.
 */
@QuarkusTest
class EventDeliveryMetersTest {

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Inject
    LDClient client;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void forgetPreviousEvents() {
        launchDarkly.reset();
    }

    @Test
    void theDeliveryFiguresAreMeters() {
        double deliveredBefore = registry.get("launchdarkly.events.delivered").functionCounter().count();

        LDContext context = LDContext.create("meters-user");
        for (int i = 0; i < 3; i++) {
            client.track("meters.event", context);
        }
        launchDarkly.events().awaitCustomEvents("meters.event", 3, Duration.ofSeconds(10));

        // The stand-in has answered, and the counters move once its answer is read: poll, do not sleep.
        await().until(
                () -> registry.get("launchdarkly.events.delivered").functionCounter().count() - deliveredBefore >= 3);
        assertThat(registry.get("launchdarkly.events.sent").functionCounter().count())
                .isGreaterThanOrEqualTo(registry.get("launchdarkly.events.delivered").functionCounter().count());
        assertThat(registry.get("launchdarkly.events.delivery.attempts").tag("outcome", "success").functionCounter()
                .count()).isPositive();
        for (String cause : new String[] { "queue-full", "spool-full", "rejected", "delivery-stopped", "shutdown" }) {
            assertThat(registry.get("launchdarkly.events.dropped").tag("cause", cause).functionCounter().count())
                    .as(cause).isZero();
        }
        assertThat(registry.get("launchdarkly.events.delivery.stopped").gauge().value()).isZero();

        String scraped = get("/q/metrics").asString();
        assertThat(scraped).contains("launchdarkly_events_delivered_events_total")
                .contains("launchdarkly_events_dropped_events_total{cause=\"queue-full\"")
                .contains("launchdarkly_events_spooled_bytes");
    }
}
