package io.quarkiverse.launchdarkly.runtime.metrics;

import io.quarkiverse.launchdarkly.metrics.MetricCondition;

/**
 * A {@link MetricCondition} resolved at build time. Unset bounds are NaN.
 *
 * @param parameter index of the compared parameter, or -1 to compare the event's own value
 */
public record ConditionPlan(int parameter, double above, double below, double atLeast, double atMost) {

    /** Whether the operand satisfies every set bound; a NaN operand (no number) never does. */
    boolean holds(double v) {
        if (Double.isNaN(v)) {
            return false;
        }
        return (Double.isNaN(above) || v > above) && (Double.isNaN(below) || v < below)
                && (Double.isNaN(atLeast) || v >= atLeast) && (Double.isNaN(atMost) || v <= atMost);
    }
}
