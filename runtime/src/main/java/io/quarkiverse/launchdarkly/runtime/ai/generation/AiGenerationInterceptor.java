package io.quarkiverse.launchdarkly.runtime.ai.generation;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkus.arc.ArcInvocationContext;

/**
 * Runs an {@code @AiGeneration} method: evaluates its config, answers with the fallback when the config is disabled,
 * otherwise hands the config and a new tracker to the method and records what its call (or its asynchronous result)
 * did. The method's result and exceptions pass through unchanged.
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
        int index = ((ArcInvocationContext) context).findIterceptorBinding(AiGenerationBinding.class).plan();
        GenerationPlan plan = GenerationPlans.get(index);
        Object[] args = context.getParameters();
        GenerationRun run = generations.start(index, plan, args, context.getTarget());
        run.fill(args);
        if (!run.enabled()) {
            return generations.fallback(index, plan, run, context.getTarget(), args);
        }
        context.setParameters(args);

        long start = System.nanoTime();
        Object result;
        try {
            result = context.proceed();
        } catch (Throwable failure) {
            run.failed(System.nanoTime() - start);
            throw failure;
        }
        return switch (plan.resultKind()) {
            case SYNC -> {
                run.succeeded(result, System.nanoTime() - start);
                yield result;
            }
            case COMPLETION_STAGE -> observe(run, (CompletionStage<?>) result, start);
            case UNI -> MutinyGenerations.observeUni(run, result);
            case MULTI -> MutinyGenerations.observeStream(run, result);
        };
    }

    private static Object observe(GenerationRun run, CompletionStage<?> stage, long start) {
        if (stage == null) {
            run.succeeded(null, System.nanoTime() - start);
            return null;
        }
        // A dependent action only: the caller gets the very stage the method returned.
        stage.whenComplete((item, failure) -> {
            long duration = System.nanoTime() - start;
            if (failure == null) {
                run.succeeded(item, duration);
            } else if (isCancellation(failure)) {
                run.cancelled(duration); // as for a cancelled Uni: the generation neither succeeded nor failed
            } else {
                run.failed(duration);
            }
        });
        return stage;
    }

    private static boolean isCancellation(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof CancellationException;
    }
}
