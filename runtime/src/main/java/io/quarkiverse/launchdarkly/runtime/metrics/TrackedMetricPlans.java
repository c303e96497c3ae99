package io.quarkiverse.launchdarkly.runtime.metrics;

import java.util.List;

import io.quarkiverse.launchdarkly.metrics.TrackedMetric;

/**
 * The plans of every {@link TrackedMetric} method of the application, recorded at build time and indexed by the
 * {@link TrackedMetricBinding#plan()} the build put on each method.
 */
public final class TrackedMetricPlans {

    private static volatile List<MethodPlan> plans = List.of();

    private TrackedMetricPlans() {
    }

    static void set(List<MethodPlan> recorded) {
        plans = List.copyOf(recorded);
    }

    static MethodPlan get(int index) {
        return plans.get(index);
    }
}
