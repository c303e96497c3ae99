package io.quarkiverse.launchdarkly.deployment.metrics;

import static io.quarkiverse.launchdarkly.deployment.common.MethodSignatures.*;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.deployment.common.MethodSignatures;
import io.quarkiverse.launchdarkly.deployment.common.MethodSignatures.ResultClassification;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.MetricValue;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;
import io.quarkiverse.launchdarkly.runtime.calls.ResultKind;
import io.quarkiverse.launchdarkly.runtime.metrics.ConditionPlan;
import io.quarkiverse.launchdarkly.runtime.metrics.EventPlan;
import io.quarkiverse.launchdarkly.runtime.metrics.MethodPlan;

/**
 * Reads every {@link TrackedMetric} method from the index, checks it against the rules, and turns each valid one into
 * the {@link MethodPlan} the interceptor runs. Every mistake is collected with the class, method and rule, so one build
 * reports them all. Pure Jandex: nothing here loads application classes.
 */
final class TrackedMetricAnalyzer {

    static final DotName TRACKED_METRIC = DotName.createSimple(TrackedMetric.class);
    static final DotName TRACKED_METRICS = DotName.createSimple(TrackedMetric.List.class);
    static final DotName METRIC_VALUE = DotName.createSimple(MetricValue.class);
    static final DotName METRIC_DATA = DotName.createSimple(MetricData.class);
    static final DotName LAUNCHDARKLY_CONTEXT = DotName.createSimple(LaunchDarklyContext.class);

    private final IndexView index;
    /** Every class of the class path, JDK and libraries included: return types are classified by their hierarchy. */
    private final IndexView classpath;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    TrackedMetricAnalyzer(IndexView index, IndexView classpath) {
        this.index = index;
        this.classpath = classpath;
    }

    /** The methods carrying {@link TrackedMetric}, directly or through its container, in a stable order. */
    List<MethodInfo> annotatedMethods() {
        // Keyed by the method itself: two overloads whose parameter types share a simple name are two methods.
        Set<MethodInfo> methods = new LinkedHashSet<>();
        for (DotName name : List.of(TRACKED_METRIC, TRACKED_METRICS)) {
            for (AnnotationInstance annotation : index.getAnnotations(name)) {
                if (annotation.target().kind() == AnnotationTarget.Kind.METHOD) {
                    MethodInfo method = annotation.target().asMethod();
                    methods.add(method);
                }
            }
        }
        return methods.stream().sorted(MethodSignatures.ORDER).toList();
    }

    /** Analyses one method; returns its plan, or null when it has mistakes (recorded in {@link #errors()}). */
    MethodPlan analyse(MethodInfo method) {
        int errorsBefore = errors.size();
        Consumer<String> error = rule -> errors.add("@TrackedMetric on " + describe(method) + ": " + rule);
        Consumer<String> warning = rule -> warnings.add("@TrackedMetric on " + describe(method) + ": " + rule);

        if (Modifier.isPrivate(method.flags())) {
            error.accept(
                    "the method is private; interceptors cannot apply to private methods, make it at least package-private");
        }
        if (Modifier.isStatic(method.flags())) {
            error.accept("the method is static; only methods of CDI bean instances can be tracked");
        }

        // Parameters
        int valueParameter = -1;
        int contextParameter = -1;
        List<String> dataNames = new ArrayList<>();
        List<Integer> dataParameters = new ArrayList<>();
        for (int i = 0; i < method.parametersCount(); i++) {
            Type type = method.parameterType(i);
            MethodParameterInfo parameter = method.parameters().get(i);
            String name = parameterName(method, i);
            if (parameter.hasDeclaredAnnotation(METRIC_VALUE)) {
                if (valueParameter >= 0) {
                    error.accept("@MetricValue appears twice (parameters '" + parameterName(method, valueParameter)
                            + "' and '" + name + "'); an event has one value");
                } else {
                    valueParameter = i;
                }
                if (!isNumeric(type)) {
                    error.accept("@MetricValue parameter '" + name + "' is a " + type
                            + ", not a number (use a primitive number, its box, BigDecimal, BigInteger or Number)");
                }
            }
            if (parameter.hasDeclaredAnnotation(LAUNCHDARKLY_CONTEXT)) {
                if (contextParameter >= 0) {
                    error.accept("two @LaunchDarklyContext parameters ('" + parameterName(method, contextParameter) + "' and '"
                            + name + "'); an event has one context");
                } else {
                    contextParameter = i;
                }
                if (!type.name().equals(LD_CONTEXT) && !type.name().equals(STRING)) {
                    error.accept("@LaunchDarklyContext parameter '" + name + "' is a " + type
                            + "; it must be an LDContext or a String user key");
                }
            }
            AnnotationInstance data = parameter.declaredAnnotation(METRIC_DATA);
            if (data != null) {
                String dataName = data.value().asString();
                if (dataName.isBlank()) {
                    error.accept("@MetricData on parameter '" + name + "' has a blank name");
                } else if (dataNames.contains(dataName)) {
                    error.accept("@MetricData name '" + dataName + "' is used twice");
                } else {
                    dataNames.add(dataName);
                    dataParameters.add(i);
                }
                if (!hasJsonForm(index, type)) {
                    error.accept("@MetricData parameter '" + name + "' is a " + type + ", which has no JSON form here"
                            + " (use a string, number, boolean, enum, collection, map or LDValue)");
                }
            }
        }

        // Result
        Type returnType = method.returnType();
        ResultKind resultKind = ResultKind.SYNC;
        Type resultType = returnType;
        ResultClassification classification = classify(classpath, returnType);
        ResultKind kind = classification.kind();
        if (kind == null) {
            error.accept(classification.rejection());
        } else if (kind == ResultKind.MULTI) {
            resultKind = kind;
            resultType = PrimitiveType.LONG; // a Multi's result is the number of items
        } else if (kind != ResultKind.SYNC) {
            resultKind = kind;
            resultType = typeArgument(returnType);
        }

        // Events
        List<AnnotationInstance> annotations = trackedMetrics(method);
        List<EventPlan> events = new ArrayList<>();
        boolean valueParameterUsed = false;
        Set<String> keys = new HashSet<>();
        for (AnnotationInstance annotation : annotations) {
            String key = annotation.value().asString();
            String where = "event '" + key + "'";
            if (key.isBlank()) {
                error.accept("an event key is empty or blank");
                where = "an event with a blank key";
            } else if (!keys.add(key)) {
                warning.accept("event '" + key + "' is declared twice; each call sends it twice");
            }

            ValueFrom source = enumValue(annotation, "valueFrom", ValueFrom.class, ValueFrom.DEFAULT);
            if (source == ValueFrom.DEFAULT) {
                source = valueParameter >= 0 ? ValueFrom.PARAMETER : ValueFrom.NONE;
            }
            AnnotationValue fixed = annotation.value("fixedValue");
            if (fixed != null && source != ValueFrom.FIXED) {
                error.accept(where + " sets its value source twice: fixedValue and valueFrom=" + source
                        + " (use valueFrom=FIXED with fixedValue)");
            }
            double fixedValue = fixed == null ? 1.0 : fixed.asDouble();
            if (source == ValueFrom.FIXED && (Double.isNaN(fixedValue) || Double.isInfinite(fixedValue))) {
                error.accept(where + " has a fixedValue that is not a finite number");
            }
            if (source == ValueFrom.PARAMETER) {
                if (valueParameter < 0) {
                    error.accept(where + " takes its value from a parameter (valueFrom=PARAMETER) but no parameter is"
                            + " annotated @MetricValue");
                }
                valueParameterUsed = true;
            }
            if (source == ValueFrom.RESULT) {
                if (resultKind == ResultKind.SYNC && returnType.kind() == Type.Kind.VOID) {
                    error.accept(where + " takes its value from the result (valueFrom=RESULT) but the method returns void");
                } else if (resultType == null || !isNumeric(resultType)) {
                    error.accept(where + " takes its value from the result (valueFrom=RESULT) but the result type "
                            + (resultType == null ? "of " + returnType + " is unknown" : resultType + " is not numeric"));
                }
            }

            AnnotationValue whenValue = annotation.value("when");
            TrackedMetric.When when = whenValue == null
                    ? (source == ValueFrom.OUTCOME ? TrackedMetric.When.ALWAYS : TrackedMetric.When.ON_SUCCESS)
                    : TrackedMetric.When.valueOf(whenValue.asEnum());
            if (source == ValueFrom.RESULT && when == TrackedMetric.When.ON_FAILURE) {
                error.accept(where + " takes its value from the result but is sent only on failure, when there is no result");
            }
            if (source == ValueFrom.RESULT && when == TrackedMetric.When.ALWAYS) {
                warning.accept(where + " takes its value from the result and is sent always: a failed call has no result,"
                        + " so it sends nothing then");
            }
            if (source == ValueFrom.OUTCOME && when != TrackedMetric.When.ALWAYS) {
                warning.accept(where + " sends the outcome only " + (when == TrackedMetric.When.ON_SUCCESS
                        ? "on success, so it is always 1.0"
                        : "on failure, so it is always 0.0"));
            }

            List<ConditionPlan> conditions = new ArrayList<>();
            AnnotationValue onlyIf = annotation.value("onlyIf");
            if (onlyIf != null) {
                for (AnnotationInstance condition : onlyIf.asNestedArray()) {
                    ConditionPlan plan = condition(method, condition, source, where, error);
                    if (plan != null) {
                        conditions.add(plan);
                    }
                }
            }

            List<String> constantNames = new ArrayList<>();
            List<String> constantValues = new ArrayList<>();
            AnnotationValue constants = annotation.value("data");
            if (constants != null) {
                for (AnnotationInstance constant : constants.asNestedArray()) {
                    String name = constant.value("name").asString();
                    if (name.isBlank()) {
                        error.accept(where + " has a constant data entry with a blank name");
                    } else if (dataNames.contains(name) || constantNames.contains(name)) {
                        error.accept(where + " has data entry '" + name + "' twice");
                    } else {
                        constantNames.add(name);
                        constantValues.add(constant.value("value").asString());
                    }
                }
            }

            events.add(new EventPlan(key, source, source == ValueFrom.PARAMETER ? valueParameter : -1, fixedValue,
                    when != TrackedMetric.When.ON_FAILURE, when != TrackedMetric.When.ON_SUCCESS, conditions,
                    constantNames, constantValues));
        }
        if (valueParameter >= 0 && !valueParameterUsed && !isConditionOperand(events, valueParameter)) {
            warning.accept("the @MetricValue parameter '" + parameterName(method, valueParameter)
                    + "' is not the value of any event (each event sets another valueFrom)");
        }

        if (errors.size() > errorsBefore) {
            return null;
        }
        boolean timed = events.stream().anyMatch(event -> event.source() == ValueFrom.DURATION);
        return new MethodPlan(describe(method), resultKind, contextParameter, dataNames, dataParameters, events, timed);
    }

    private ConditionPlan condition(MethodInfo method, AnnotationInstance condition, ValueFrom source, String where,
            Consumer<String> error) {
        double above = doubleValue(condition, "above");
        double below = doubleValue(condition, "below");
        double atLeast = doubleValue(condition, "atLeast");
        double atMost = doubleValue(condition, "atMost");
        if (Double.isNaN(above) && Double.isNaN(below) && Double.isNaN(atLeast) && Double.isNaN(atMost)) {
            error.accept(where + " has a @MetricCondition with no bound (set above, below, atLeast or atMost)");
            return null;
        }
        AnnotationValue parameterValue = condition.value("parameter");
        String parameter = parameterValue == null ? "" : parameterValue.asString();
        int index = -1;
        if (parameter.isEmpty()) {
            if (source == ValueFrom.NONE) {
                error.accept(where + " has a @MetricCondition on its own value, but it sends no value (name a parameter,"
                        + " or give the event a valueFrom)");
                return null;
            }
        } else {
            for (int i = 0; i < method.parametersCount(); i++) {
                if (parameter.equals(method.parameterName(i))) {
                    index = i;
                }
            }
            if (index < 0) {
                error.accept(where + " has a @MetricCondition on parameter '" + parameter + "', which the method does not"
                        + " have" + (method.parametersCount() > 0 && method.parameterName(0) == null
                                ? " (parameter names are missing from the class file: compile with -parameters)"
                                : ""));
                return null;
            }
            if (!isNumeric(method.parameterType(index))) {
                error.accept(where + " has a @MetricCondition on parameter '" + parameter + "', which is not a number");
                return null;
            }
        }
        return new ConditionPlan(index, above, below, atLeast, atMost);
    }

    private static boolean isConditionOperand(List<EventPlan> events, int parameter) {
        return events.stream().flatMap(e -> e.conditions().stream()).anyMatch(c -> c.parameter() == parameter);
    }

    List<String> errors() {
        return errors;
    }

    List<String> warnings() {
        return warnings;
    }

    private static List<AnnotationInstance> trackedMetrics(MethodInfo method) {
        List<AnnotationInstance> result = new ArrayList<>();
        AnnotationInstance single = method.declaredAnnotation(TRACKED_METRIC);
        if (single != null) {
            result.add(single);
        }
        AnnotationInstance container = method.declaredAnnotation(TRACKED_METRICS);
        if (container != null) {
            for (AnnotationInstance nested : container.value().asNestedArray()) {
                result.add(nested);
            }
        }
        return result;
    }

    private static double doubleValue(AnnotationInstance annotation, String name) {
        AnnotationValue value = annotation.value(name);
        return value == null ? Double.NaN : value.asDouble();
    }

    private static <E extends Enum<E>> E enumValue(AnnotationInstance annotation, String name, Class<E> type,
            E defaultValue) {
        AnnotationValue value = annotation.value(name);
        return value == null ? defaultValue : Enum.valueOf(type, value.asEnum());
    }

}
