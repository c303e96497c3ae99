package io.quarkiverse.launchdarkly.runtime.metrics;

import io.quarkiverse.launchdarkly.metrics.MetricCondition;

/**
 * A {@link MetricCondition} resolved at build time. Unset bounds are NaN.
 *
 * @param parameter index of the compared parameter, or -1 to compare the event's own value
 */
public record ConditionPlan(int parameter, double above, double below, double atLeast, double atMost) {

    /** Whether the operand satisfies every set bound; a null or NaN operand never does. */
    boolean holds(Double operand) {
        if (operand == null || operand.isNaN()) {
            return false;
        }
        double v = operand;
        return (Double.isNaN(above) || v > above) && (Double.isNaN(below) || v < below)
                && (Double.isNaN(atLeast) || v >= atLeast) && (Double.isNaN(atMost) || v <= atMost);
    }
}
