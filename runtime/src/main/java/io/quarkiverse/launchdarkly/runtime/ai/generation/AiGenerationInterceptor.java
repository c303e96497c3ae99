package io.quarkiverse.launchdarkly.runtime.ai.generation;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.runtime.calls.CallResults;

/**
 * Runs an {@code @AiGeneration} method: evaluates its config, answers with the fallback when the config is disabled,
 * otherwise hands the config and a new tracker to the method and records what its call (or each subscription of its
 * asynchronous result, see {@link CallResults}) did. The method's result and exceptions pass through unchanged.
 * <p>
 * Inside {@code @TrackedMetric} (whose interceptor has a lower priority), so a tracked metric on the same method
 * measures the whole call, fallback included.
 */
@AiGenerationBinding
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 110)
public class AiGenerationInterceptor {

    private final AiGenerations generations;

    AiGenerationInterceptor(AiGenerations generations) {
        this.generations = generations;
    }

    @AroundInvoke
    Object generate(InvocationContext context) throws Exception {
        int index = context.getInterceptorBinding(AiGenerationBinding.class).plan();
        GenerationPlan plan = GenerationPlans.get(index);
        Object[] args = context.getParameters();
        GenerationRun run = generations.start(index, plan, args, context.getTarget());
        // Written into the array the invocation context passes on to the method (and to a fallback): setParameters
        // would check every argument's type by reflection on each call, and the build already checked them.
        run.fill(args);
        if (!run.enabled()) {
            return generations.fallback(index, plan, run, context.getTarget(), args);
        }

        long start = System.nanoTime();
        Object result;
        try {
            result = context.proceed();
        } catch (Throwable failure) {
            CallResults.threw(failure, start, run);
            throw failure;
        }
        return CallResults.observe(plan.resultKind(), result, start, run, run::again);
    }
}
