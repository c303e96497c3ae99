package io.quarkiverse.launchdarkly.runtime.ai.generation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.ai.AiConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDefault;
import io.quarkiverse.launchdarkly.ai.AiConfigDisabledException;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.runtime.ai.JudgeDispatcher;
import io.quarkiverse.launchdarkly.runtime.context.ContextResolution;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;

/**
 * Starts the runs of {@code @AiGeneration} methods: resolves the context, evaluates the config (which sends its usage
 * event) and pairs it with the extractor the build chose. The extractors are matched to the plans once, here, so a
 * call does no lookup.
 */
@Singleton
public class AiGenerations {

    private final LaunchDarklyAi ai;
    private final ContextResolution contexts;
    private final TrackingFailures failures;
    private final JudgeDispatcher judges;
    /** By plan index; null where the plan has no extractor. */
    private final AiMetricsExtractor<Object>[] extractors;

    AiGenerations(LaunchDarklyAi ai, ContextResolution contexts, TrackingFailures failures, JudgeDispatcher judges,
            @All List<InstanceHandle<AiMetricsExtractor<?>>> extractorBeans) {
        this.ai = ai;
        this.contexts = contexts;
        this.failures = failures;
        this.judges = judges;
        this.extractors = byPlan(extractorBeans);
    }

    @SuppressWarnings("unchecked")
    private static AiMetricsExtractor<Object>[] byPlan(List<InstanceHandle<AiMetricsExtractor<?>>> beans) {
        Map<String, InstanceHandle<AiMetricsExtractor<?>>> byClass = new HashMap<>();
        beans.forEach(handle -> byClass.put(handle.getBean().getBeanClass().getName(), handle));
        List<GenerationPlan> plans = GenerationPlans.all();
        AiMetricsExtractor<Object>[] extractors = new AiMetricsExtractor[plans.size()];
        for (int i = 0; i < plans.size(); i++) {
            GenerationPlan plan = plans.get(i);
            if (plan.hasExtractor()) {
                InstanceHandle<AiMetricsExtractor<?>> handle = byClass.get(plan.extractorClass());
                if (handle == null) {
                    throw new IllegalStateException("The AI metrics extractor " + plan.extractorClass() + " of "
                            + plan.method() + " is not a bean");
                }
                extractors[i] = (AiMetricsExtractor<Object>) handle.get();
            }
        }
        return extractors;
    }

    /**
     * Evaluates the plan's config for this call. Without a context the config is not evaluated, and when the
     * evaluation fails it is logged and counted; either way the run is disabled, with no config and no tracker.
     */
    GenerationRun start(int planIndex, GenerationPlan plan, Object[] args, Object target) {
        Optional<LDContext> context = plan.contextParameter() >= 0
                ? ContextResolution.fromArgument(args[plan.contextParameter()])
                : Optional.empty();
        if (context.isEmpty()) {
            context = contexts.resolve();
        }
        if (context.isEmpty()) {
            failures.noContext(plan.method() + " @AiGeneration", "its AI Config '" + plan.configKey() + "' is not evaluated");
            return GenerationRun.withoutConfig(plan, AiConfigDisabledException.Reason.NO_CONTEXT, failures);
        }
        AiConfig config;
        try {
            config = evaluate(plan, context.get(), defaultConfig(planIndex, plan, target), variables(plan, args));
        } catch (RuntimeException e) {
            // A template the renderer rejects, for one: the call gets its fallback rather than this exception.
            failures.trackingError(plan.method() + " @AiGeneration", e);
            return GenerationRun.withoutConfig(plan, AiConfigDisabledException.Reason.EVALUATION_FAILED, failures);
        }
        return new GenerationRun(plan, config, extractors[planIndex], failures, Grading.of(judges, plan, config, args));
    }

    private AiConfig evaluate(GenerationPlan plan, LDContext context, AiConfigDefault defaultConfig,
            Map<String, Object> variables) {
        return switch (plan.mode()) {
            case COMPLETION -> ai.completionConfig(plan.configKey(), context, defaultConfig, variables);
            case AGENT -> ai.agentConfig(plan.configKey(), context, defaultConfig, variables);
            case JUDGE -> ai.judgeConfig(plan.configKey(), context, defaultConfig, variables);
        };
    }

    /** The default config method's answer; a method that throws gives a disabled default (logged, counted). */
    private AiConfigDefault defaultConfig(int planIndex, GenerationPlan plan, Object target) {
        if (!plan.hasDefaultConfig()) {
            return null;
        }
        try {
            return (AiConfigDefault) GenerationPlans.defaultConfig(planIndex).invoke(target, new Object[0]);
        } catch (Exception e) {
            failures.trackingError(plan.method() + " @AiGeneration",
                    new IllegalStateException("the defaultConfig method threw", e));
            return null;
        }
    }

    private static Map<String, Object> variables(GenerationPlan plan, Object[] args) {
        if (plan.variableNames().isEmpty()) {
            return null;
        }
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < plan.variableNames().size(); i++) {
            variables.put(plan.variableNames().get(i), args[plan.variableParameters().get(i)]);
        }
        return variables;
    }

    /**
     * Answers a call whose config is disabled (or could not be evaluated): the fallback with the same arguments, or
     * {@link AiConfigDisabledException}. The fallback's result and exceptions pass through unchanged.
     */
    Object fallback(int planIndex, GenerationPlan plan, GenerationRun run, Object target, Object[] args)
            throws Exception {
        if (!plan.hasFallback()) {
            throw new AiConfigDisabledException(plan.configKey(), run.reason(), plan.method());
        }
        return GenerationPlans.fallback(planIndex).invoke(target, args);
    }
}
