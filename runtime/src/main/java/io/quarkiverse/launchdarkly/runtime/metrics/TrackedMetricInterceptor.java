package io.quarkiverse.launchdarkly.runtime.metrics;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.runtime.calls.CallResults;

/**
 * Runs the plan of a {@link TrackedMetric} method around each call. The method is called exactly once and its result
 * or exception passes through unchanged; asynchronous results are observed by {@link CallResults}, never subscribed
 * to. Per call it reads the method's binding and one array element: the plan was made at build time.
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
        MethodPlan plan = TrackedMetricPlans.get(context.getInterceptorBinding(TrackedMetricBinding.class).plan());
        Object[] args = context.getParameters();
        // Without a duration-valued event no duration is read, so the clock is not either.
        boolean timed = plan.timed();
        long start = timed ? System.nanoTime() : CallResults.UNTIMED;
        Object result;
        try {
            result = context.proceed();
        } catch (Throwable failure) {
            CallResults.threw(failure, start, tracker.call(plan, args));
            throw failure;
        }
        if (CallResults.endedOnReturn(plan.resultKind(), result)) {
            tracker.returned(plan, args, result, timed ? System.nanoTime() - start : 0L);
            return result;
        }
        // Still on the calling thread: the context and the data are taken now, whenever the result completes.
        MetricCall call = tracker.call(plan, args);
        return CallResults.observe(plan.resultKind(), result, start, call, call::again);
    }
}
