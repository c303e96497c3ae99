package io.quarkiverse.launchdarkly.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.LDClient;

import io.quarkus.test.QuarkusUnitTest;

/**
 * An event tracked just before the application stops is delivered by the shutdown close, although the periodic flush
 * (one hour here) never ran. The stand-in runs outside the application so it can be read after the application has
 * stopped.
 */
class ShutdownFlushTest {

    static final String SDK_KEY = "sdk-shutdown-flush-test";
    static final URI OUTSIDE = OutsideStandIn.start("shutdown-flush", SDK_KEY);

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(OutsideStandIn.class))
            .overrideConfigKey("quarkus.launchdarkly.sdk-key", SDK_KEY)
            .overrideConfigKey("quarkus.launchdarkly.service-endpoints.relay-proxy", OUTSIDE.toString())
            .overrideRuntimeConfigKey("quarkus.launchdarkly.events.flush-interval", "1h")
            .overrideRuntimeConfigKey("quarkus.launchdarkly.events.diagnostic-opt-out", "true")
            .setAfterUndeployListener(ShutdownFlushTest::eventWasDeliveredOnShutdown);

    @Inject
    LDClient client;

    @Test
    void tracksAnEventAndStops() throws InterruptedException {
        client.trackMetric("order.total", LDContext.create("shutdown-user"), LDValue.buildObject().put("sku", "A1").build(),
                42.5);
        Thread.sleep(300);
        // Nothing is delivered yet: the periodic flush is an hour away, only the shutdown close can deliver it.
        assertThat(OutsideStandIn.customEvents(OUTSIDE, "order.total")).isEmpty();
    }

    static void eventWasDeliveredOnShutdown() {
        try {
            List<LDValue> delivered = OutsideStandIn.customEvents(OUTSIDE, "order.total");
            assertThat(delivered).hasSize(1);
            LDValue event = delivered.get(0);
            assertThat(event.get("context").get("key").stringValue()).isEqualTo("shutdown-user");
            assertThat(event.get("metricValue").doubleValue()).isEqualTo(42.5);
            assertThat(event.get("data").get("sku").stringValue()).isEqualTo("A1");
        } finally {
            OutsideStandIn.stop("shutdown-flush");
        }
    }
}
