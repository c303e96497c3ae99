package io.quarkiverse.launchdarkly.runtime.ai.generation;

import java.util.List;

import jakarta.enterprise.invoke.Invoker;

/**
 * The plans of every {@link io.quarkiverse.launchdarkly.ai.AiGeneration} method and the invokers of their
 * fallback and default-config methods, recorded at static init and indexed by {@link AiGenerationBinding#plan()}.
 * The invokers are classes ArC generates at build time, so calling a fallback uses no reflection.
 */
public final class GenerationPlans {

    private static volatile List<GenerationPlan> plans = List.of();
    private static volatile Invoker<Object, Object>[] fallbacks = newInvokers(0);
    private static volatile Invoker<Object, Object>[] defaultConfigs = newInvokers(0);

    private GenerationPlans() {
    }

    static void set(List<GenerationPlan> recorded) {
        plans = List.copyOf(recorded);
        fallbacks = newInvokers(recorded.size());
        defaultConfigs = newInvokers(recorded.size());
    }

    static void setFallback(int plan, Invoker<Object, Object> invoker) {
        fallbacks[plan] = invoker;
    }

    static void setDefaultConfig(int plan, Invoker<Object, Object> invoker) {
        defaultConfigs[plan] = invoker;
    }

    static List<GenerationPlan> all() {
        return plans;
    }

    static GenerationPlan get(int index) {
        return plans.get(index);
    }

    static Invoker<Object, Object> fallback(int index) {
        return fallbacks[index];
    }

    static Invoker<Object, Object> defaultConfig(int index) {
        return defaultConfigs[index];
    }

    @SuppressWarnings("unchecked")
    private static Invoker<Object, Object>[] newInvokers(int size) {
        return new Invoker[size];
    }
}
