package io.quarkiverse.launchdarkly.deployment.events;

import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.WAIT;
import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Micrometer is optional: without {@code quarkus-micrometer} (this module's tests do not have it) the delivery path
 * and its counters work, and the meters bean is not there to load a Micrometer class.
 */
class EventDeliveryWithoutMicrometerTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(DeliveryTestSupport.class)
                    .addAsResource(new StringAsset("quarkus.launchdarkly.events.flush-interval=200ms\n"),
                            "application.properties"));

    @Inject
    LDClient client;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    DeliveryCounters counters;

    @Test
    void eventsAreDeliveredAndCountedWithNoMicrometerClassAround() {
        assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false,
                Thread.currentThread().getContextClassLoader()))
                .as("this test only means something without Micrometer").isInstanceOf(ClassNotFoundException.class);

        DeliveryTestSupport.warmUp(local, client);
        track(client, "without.micrometer", 3);
        client.flush();
        await().atMost(WAIT).until(() -> DeliveryTestSupport.received(local, "without.micrometer") == 3);
        await().atMost(WAIT).until(() -> counters.eventsDelivered() >= 3);

        assertThat(Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE))
                .extracting(bean -> bean.getBeanClass().getName())
                .doesNotContain("io.quarkiverse.launchdarkly.runtime.events.DeliveryMeters",
                        "io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailureMeters");
    }
}
