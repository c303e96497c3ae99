package io.quarkiverse.launchdarkly.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;

/** The business methods with their tracking declared by annotation; called through the CDI client proxy. */
@ApplicationScoped
public class AnnotatedShop {

    @TrackedMetric(value = "revenue.impact", valueFrom = ValueFrom.RESULT)
    public double settle(@LaunchDarklyContext String userKey, @MetricData("source") String source) {
        return Amounts.settle(userKey, source);
    }

    @TrackedMetric("checkout.completed")
    public double checkout(@LaunchDarklyContext String userKey, String source) {
        return Amounts.settle(userKey, source);
    }
}
