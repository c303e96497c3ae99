package io.quarkiverse.launchdarkly.runtime.metrics;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.launchdarkly.sdk.ArrayBuilder;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.metrics.ValueFrom;
import io.quarkiverse.launchdarkly.runtime.context.ContextResolution;

/**
 * Sends the events of one finished call according to its {@link MethodPlan}. The context is resolved and the data
 * built once per call, when the call is made (see {@link MetricCall}); the events are sent when it ends.
 */
@Singleton
public class MetricTracker {

    private final LDClientInterface client;
    private final ContextResolution contexts;
    private final TrackingFailures failures;

    MetricTracker(LDClientInterface client, ContextResolution contexts, TrackingFailures failures) {
        this.client = client;
        this.contexts = contexts;
        this.failures = failures;
    }

    /**
     * Captures what the events of a call need from the call itself, on the calling thread, where a request-scoped
     * resolver or the caller's security identity are still there: the context and the data arguments.
     */
    MetricCall call(MethodPlan plan, Object[] args) {
        try {
            return new MetricCall(this, plan, args, context(plan, args), parameterData(plan, args));
        } catch (RuntimeException e) {
            failures.trackingError(plan, e);
            return new MetricCall(this, plan, args, null, LDValue.ofNull());
        }
    }

    /**
     * Sends the events of a call that succeeded when it returned (a plain value, or no asynchronous result at all),
     * on the calling thread. The same as {@link #call} then {@link MetricCall#succeeded}, without the object that
     * carries the captured values to a later thread: the most frequent call allocates nothing of its own.
     */
    void returned(MethodPlan plan, Object[] args, Object result, long durationNanos) {
        LDContext context;
        LDValue data;
        try {
            context = context(plan, args);
            data = parameterData(plan, args);
        } catch (RuntimeException e) {
            failures.trackingError(plan, e);
            context = null;
            data = LDValue.ofNull();
        }
        track(plan, args, context, data, true, result, true, durationNanos);
    }

    /**
     * Sends the events of a finished execution. Never throws.
     *
     * @param call what the call captured
     * @param success whether the method (or its asynchronous result) succeeded
     * @param result the result: the returned value, the item of an async result, the item count of a Multi
     * @param hasResult whether there is a result at all: not after a failure; events that take their value from the
     *        result are then skipped without counting it as an invalid value
     * @param durationNanos elapsed time
     */
    void track(MetricCall call, boolean success, Object result, boolean hasResult, long durationNanos) {
        track(call.plan(), call.args(), call.context(), call.data(), success, result, hasResult, durationNanos);
    }

    private void track(MethodPlan plan, Object[] args, LDContext context, LDValue callData, boolean success,
            Object result, boolean hasResult, long durationNanos) {
        try {
            List<EventPlan> events = plan.events();
            for (int i = 0; i < events.size(); i++) { // indexed: no iterator per call
                EventPlan event = events.get(i);
                if (success ? !event.onSuccess() : !event.onFailure()) {
                    continue;
                }
                if (event.source() == ValueFrom.RESULT && !hasResult) {
                    continue;
                }
                double value = Double.NaN;
                if (event.hasValue()) {
                    value = value(event, args, success, result, durationNanos);
                    if (Double.isNaN(value)) {
                        failures.invalidValue(plan, event,
                                event.source() == ValueFrom.PARAMETER ? args[event.valueParameter()] : result);
                        continue;
                    }
                }
                if (!conditionsHold(event, args, value)) {
                    continue;
                }
                if (context == null) {
                    failures.noContext(plan);
                    return;
                }
                LDValue data = withConstants(callData, event);
                if (event.hasValue()) {
                    client.trackMetric(event.key(), context, data, value);
                } else {
                    client.trackData(event.key(), context, data);
                }
            }
        } catch (RuntimeException e) {
            failures.trackingError(plan, e);
        }
    }

    /** The event's value, NaN when its parameter or result holds no finite number. */
    private static double value(EventPlan event, Object[] args, boolean success, Object result, long durationNanos) {
        return switch (event.source()) {
            case PARAMETER -> finiteValue(args[event.valueParameter()]);
            case RESULT -> finiteValue(result);
            case DURATION -> durationNanos / 1_000_000.0;
            case OUTCOME -> success ? 1.0 : 0.0;
            case FIXED -> event.fixedValue();
            default -> Double.NaN;
        };
    }

    /** The finite double of a number, or NaN when there is none (a primitive: no box per event). */
    static double finiteValue(Object raw) {
        if (!(raw instanceof Number number)) {
            return Double.NaN;
        }
        double value = number.doubleValue();
        return Double.isInfinite(value) ? Double.NaN : value;
    }

    private static boolean conditionsHold(EventPlan event, Object[] args, double value) {
        List<ConditionPlan> conditions = event.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            ConditionPlan condition = conditions.get(i);
            double operand = condition.parameter() < 0 ? value : finiteValue(args[condition.parameter()]);
            if (!condition.holds(operand)) {
                return false;
            }
        }
        return true;
    }

    private LDContext context(MethodPlan plan, Object[] args) {
        if (plan.contextParameter() >= 0) {
            Optional<LDContext> fromArgument = ContextResolution.fromArgument(args[plan.contextParameter()]);
            if (fromArgument.isPresent()) {
                return fromArgument.get();
            }
        }
        return contexts.resolve().orElse(null);
    }

    private static LDValue parameterData(MethodPlan plan, Object[] args) {
        List<String> names = plan.dataNames();
        if (names.isEmpty()) {
            return LDValue.ofNull();
        }
        ObjectBuilder data = LDValue.buildObject();
        for (int i = 0; i < names.size(); i++) {
            Object argument = args[plan.dataParameters().get(i)];
            if (argument != null) {
                data.put(names.get(i), toLDValue(argument));
            }
        }
        return data.build();
    }

    private static LDValue withConstants(LDValue paramData, EventPlan event) {
        if (event.constantNames().isEmpty()) {
            return paramData;
        }
        ObjectBuilder data = LDValue.buildObject();
        for (String name : paramData.keys()) {
            data.put(name, paramData.get(name));
        }
        for (int i = 0; i < event.constantNames().size(); i++) {
            data.put(event.constantNames().get(i), event.constantValues().get(i));
        }
        return data.build();
    }

    /** The JSON form of a data argument; the supported types are checked at build time. */
    static LDValue toLDValue(Object value) {
        if (value == null) {
            return LDValue.ofNull();
        }
        if (value instanceof LDValue ldValue) {
            return ldValue;
        }
        if (value instanceof String string) {
            return LDValue.of(string);
        }
        if (value instanceof Boolean bool) {
            return LDValue.of(bool);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return LDValue.of(((Number) value).longValue());
        }
        if (value instanceof BigDecimal || value instanceof Number) {
            return LDValue.of(((Number) value).doubleValue());
        }
        if (value instanceof Enum<?> constant) {
            return LDValue.of(constant.name());
        }
        if (value instanceof Character character) {
            return LDValue.of(character.toString());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectBuilder object = LDValue.buildObject();
            map.forEach((k, v) -> object.put(String.valueOf(k), toLDValue(v)));
            return object.build();
        }
        if (value instanceof Collection<?> collection) {
            ArrayBuilder array = LDValue.buildArray();
            collection.forEach(element -> array.add(toLDValue(element)));
            return array.build();
        }
        return LDValue.of(value.toString());
    }
}
