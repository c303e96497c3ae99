package io.quarkiverse.launchdarkly.deployment.metrics;

import java.util.List;

import org.jboss.jandex.MethodInfo;

import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.runtime.metrics.MethodPlan;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The outcome of analysing every {@code @TrackedMetric} method: a plan for each valid one, and the mistakes.
 */
final class TrackedMethodsBuildItem extends SimpleBuildItem {

    /** A valid method and its plan; the plan's index in {@link #methods()} is the binding's plan index. */
    record TrackedMethod(MethodInfo method, MethodPlan plan) {
    }

    private final List<TrackedMethod> methods;
    private final List<String> errors;

    TrackedMethodsBuildItem(List<TrackedMethod> methods, List<String> errors) {
        this.methods = List.copyOf(methods);
        this.errors = List.copyOf(errors);
    }

    List<TrackedMethod> methods() {
        return methods;
    }

    List<String> errors() {
        return errors;
    }
}
