package io.quarkiverse.launchdarkly.runtime.metrics;

import java.util.List;

import io.quarkiverse.launchdarkly.metrics.MetricValue;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;

/**
 * One event of a {@link MethodPlan}.
 *
 * @param key the event key
 * @param source the value source, never {@link ValueFrom#DEFAULT} (resolved at build time)
 * @param valueParameter index of the {@code @MetricValue} parameter when the source is {@link ValueFrom#PARAMETER}
 * @param fixedValue the value when the source is {@link ValueFrom#FIXED}
 * @param onSuccess whether the event is sent when the method succeeds
 * @param onFailure whether the event is sent when the method fails
 * @param conditions conditions that must all hold
 * @param constantNames names of the constant data entries
 * @param constantValues their values, in the same order
 */
public record EventPlan(String key, ValueFrom source, int valueParameter, double fixedValue, boolean onSuccess,
        boolean onFailure, List<ConditionPlan> conditions, List<String> constantNames, List<String> constantValues) {

    /** Whether the event sends a numeric value. */
    public boolean hasValue() {
        return source != ValueFrom.NONE;
    }
}
