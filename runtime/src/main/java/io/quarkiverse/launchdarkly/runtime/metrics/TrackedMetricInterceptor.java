package io.quarkiverse.launchdarkly.runtime.metrics;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkus.arc.ArcInvocationContext;

/**
 * Runs the plan of a {@link TrackedMetric} method around each call. The method is called exactly once and its result
 * or exception passes through unchanged; asynchronous results are observed, never subscribed to.
 */
@TrackedMetricBinding
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class TrackedMetricInterceptor {

    private final MetricTracker tracker;

    TrackedMetricInterceptor(MetricTracker tracker) {
        this.tracker = tracker;
    }

    @AroundInvoke
    Object track(InvocationContext context) throws Exception {
        TrackedMetricBinding binding = ((ArcInvocationContext) context).findIterceptorBinding(TrackedMetricBinding.class);
        MethodPlan plan = TrackedMetricPlans.get(binding.plan());
        Object[] args = context.getParameters();
        long start = System.nanoTime();
        Object result;
        try {
            result = context.proceed();
        } catch (Throwable failure) {
            tracker.track(plan, args, false, null, false, System.nanoTime() - start);
            throw failure;
        }
        return switch (plan.resultKind()) {
            case SYNC -> {
                tracker.track(plan, args, true, result, true, System.nanoTime() - start);
                yield result;
            }
            case COMPLETION_STAGE -> observe(plan, args, (CompletionStage<?>) result, start);
            case UNI -> MutinyResults.observeUni(tracker, plan, args, result);
            case MULTI -> MutinyResults.observeMulti(tracker, plan, args, result);
        };
    }

    private Object observe(MethodPlan plan, Object[] args, CompletionStage<?> stage, long start) {
        if (stage == null) {
            tracker.track(plan, args, true, null, true, System.nanoTime() - start);
            return null;
        }
        // A dependent action only: the caller gets the very stage the method returned.
        stage.whenComplete((item, failure) -> tracker.track(plan, args, failure == null, item, failure == null,
                System.nanoTime() - start));
        return stage;
    }
}
