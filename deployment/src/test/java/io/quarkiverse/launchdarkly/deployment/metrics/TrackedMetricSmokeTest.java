package io.quarkiverse.launchdarkly.deployment.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;

/** The shortest path: an annotated method's call ends as a custom event at the stand-in. */
class TrackedMetricSmokeTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root.addClass(Shop.class));

    @Inject
    Shop shop;

    @Inject
    LocalLaunchDarkly launchDarkly;

    @BeforeEach
    void reset() {
        launchDarkly.reset();
    }

    @Test
    void resultValueWithDataAndStringContext() {
        assertThat(shop.settle("user-1", "web")).isEqualTo(12.5);
        RecordedEvent event = launchDarkly.events().awaitCustomEvent("revenue.impact");
        assertThat(event.contextKind()).isEqualTo("user");
        assertThat(event.contextKey()).isEqualTo("user-1");
        assertThat(event.metricValue()).isEqualTo(12.5);
        assertThat(event.data()).isEqualTo(LDValue.buildObject().put("source", "web").build());
    }

    @Test
    void outcomeIsSentOnFailureAndTheExceptionPassesThrough() {
        IllegalStateException failure = new IllegalStateException("boom");
        assertThatThrownBy(() -> shop.fail("user-2", failure)).isSameAs(failure);
        RecordedEvent event = launchDarkly.events().awaitCustomEvent("task.success_rate");
        assertThat(event.metricValue()).isEqualTo(0.0);
    }

    @ApplicationScoped
    public static class Shop {

        @TrackedMetric(value = "revenue.impact", valueFrom = ValueFrom.RESULT)
        public double settle(@LaunchDarklyContext String userKey, @MetricData("source") String source) {
            return 12.5;
        }

        @TrackedMetric(value = "task.success_rate", valueFrom = ValueFrom.OUTCOME)
        public void fail(@LaunchDarklyContext String userKey, RuntimeException failure) {
            throw failure;
        }
    }
}
