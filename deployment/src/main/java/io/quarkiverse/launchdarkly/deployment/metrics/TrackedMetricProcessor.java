package io.quarkiverse.launchdarkly.deployment.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.logging.Logger;

import io.quarkiverse.launchdarkly.deployment.common.BeanClasses;
import io.quarkiverse.launchdarkly.deployment.common.PlanBindings;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.runtime.context.ContextResolution;
import io.quarkiverse.launchdarkly.runtime.metrics.EventPlan;
import io.quarkiverse.launchdarkly.runtime.metrics.MethodPlan;
import io.quarkiverse.launchdarkly.runtime.metrics.MetricTracker;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackedMetricBinding;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackedMetricInterceptor;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackedMetricRecorder;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;

/**
 * Turns {@code @TrackedMetric} methods into intercepted methods: analyses and validates them, binds the interceptor to
 * each valid one with the index of its plan, records the plans, and publishes the tracked event keys.
 */
class TrackedMetricProcessor {

    private static final Logger LOG = Logger.getLogger(TrackedMetricProcessor.class);
    private static final DotName BINDING = DotName.createSimple(TrackedMetricBinding.class);
    private static final String SECURITY_CONTEXT_SOURCE = "io.quarkiverse.launchdarkly.runtime.context.SecurityIdentityContextSource";

    @BuildStep
    void beans(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        beans.produce(AdditionalBeanBuildItem.builder()
                .addBeanClasses(TrackedMetricBinding.class, TrackedMetricInterceptor.class, MetricTracker.class,
                        TrackingFailures.class, ContextResolution.class)
                .setUnremovable()
                .build());
        if (capabilities.isPresent(Capability.SECURITY)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(SECURITY_CONTEXT_SOURCE));
        }
    }

    @BuildStep
    TrackedMethodsBuildItem analyse(CombinedIndexBuildItem index) {
        TrackedMetricAnalyzer analyzer = new TrackedMetricAnalyzer(index.getIndex(), index.getComputingIndex());
        List<TrackedMethodsBuildItem.TrackedMethod> methods = new ArrayList<>();
        for (MethodInfo method : analyzer.annotatedMethods()) {
            MethodPlan plan = analyzer.analyse(method);
            if (plan != null) {
                methods.add(new TrackedMethodsBuildItem.TrackedMethod(method, plan));
            }
        }
        analyzer.warnings().forEach(LOG::warn);
        return new TrackedMethodsBuildItem(methods, analyzer.errors());
    }

    @BuildStep
    AnnotationsTransformerBuildItem bindInterceptor(TrackedMethodsBuildItem tracked) {
        return PlanBindings.bind(BINDING,
                tracked.methods().stream().map(TrackedMethodsBuildItem.TrackedMethod::method).toList());
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void recordPlans(TrackedMethodsBuildItem tracked, TrackedMetricRecorder recorder) {
        recorder.register(tracked.methods().stream().map(TrackedMethodsBuildItem.TrackedMethod::plan).toList());
    }

    @BuildStep
    void validate(TrackedMethodsBuildItem tracked, ValidationPhaseBuildItem validation, CombinedIndexBuildItem index,
            BuildProducer<ValidationErrorBuildItem> errors) {
        if (!tracked.errors().isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(new DeploymentException(
                    "Invalid @TrackedMetric usage (" + tracked.errors().size() + " mistake(s)):\n  - "
                            + String.join("\n  - ", tracked.errors()))));
        }
        // Allowed but suspicious: an annotation on a class that is not a bean is silently ignored by CDI.
        BeanClasses beans = new BeanClasses(validation, index.getIndex());
        Set<DotName> warned = new HashSet<>();
        for (TrackedMethodsBuildItem.TrackedMethod method : tracked.methods()) {
            ClassInfo declaring = method.method().declaringClass();
            if (!beans.runMethodsOf(declaring) && warned.add(declaring.name())) {
                LOG.warnf("@TrackedMetric on %s: neither %s nor a subclass of it is a CDI bean, so no event is sent from"
                        + " this method", method.plan().method(), declaring.name());
            }
        }
    }

    @BuildStep
    TrackedEventKeysBuildItem trackedKeys(TrackedMethodsBuildItem tracked) {
        return new TrackedEventKeysBuildItem(keys(tracked.methods()));
    }

    /** The keys only of the methods a kept bean runs: Quarkus removed the others' beans, so they never send. */
    @BuildStep
    CalledTrackedEventKeysBuildItem calledKeys(TrackedMethodsBuildItem tracked, ValidationPhaseBuildItem validation,
            CombinedIndexBuildItem index) {
        BeanClasses beans = new BeanClasses(validation, index.getIndex());
        return new CalledTrackedEventKeysBuildItem(keys(tracked.methods().stream()
                .filter(method -> beans.keptBeansRunMethodsOf(method.method().declaringClass())).toList()));
    }

    private static List<TrackedEventKeysBuildItem.TrackedEventKey> keys(
            List<TrackedMethodsBuildItem.TrackedMethod> tracked) {
        Map<String, List<String>> methods = new TreeMap<>();
        Map<String, boolean[]> kinds = new HashMap<>();
        for (TrackedMethodsBuildItem.TrackedMethod method : tracked) {
            for (EventPlan event : method.plan().events()) {
                methods.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(method.plan().method());
                boolean[] valueAndConversion = kinds.computeIfAbsent(event.key(), k -> new boolean[2]);
                valueAndConversion[event.hasValue() ? 0 : 1] = true;
            }
        }
        List<TrackedEventKeysBuildItem.TrackedEventKey> keys = new ArrayList<>();
        methods.forEach((key, where) -> keys.add(new TrackedEventKeysBuildItem.TrackedEventKey(key, kinds.get(key)[0],
                kinds.get(key)[1], List.copyOf(where))));
        return keys;
    }
}
