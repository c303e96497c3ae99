package io.quarkiverse.launchdarkly.runtime.metrics;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.runtime.calls.CallObserver;
import io.quarkiverse.launchdarkly.runtime.calls.ResultKind;

/**
 * One execution of a {@code @TrackedMetric} method, with what was captured when the call was made: its arguments, its
 * context ({@code null} when none could be resolved) and its data. A re-subscription of a lazy result is a new
 * execution with the same captured values ({@link #again()}).
 * <p>
 * A cancelled execution sends nothing: it neither succeeded nor failed, and success rates must not rise when calls
 * time out.
 */
final class MetricCall implements CallObserver {

    private final MetricTracker tracker;
    private final MethodPlan plan;
    private final Object[] args;
    private final LDContext context;
    private final LDValue data;
    /** Items of a {@code Multi} so far; its signals arrive serially. */
    private long items;

    MetricCall(MetricTracker tracker, MethodPlan plan, Object[] args, LDContext context, LDValue data) {
        this.tracker = tracker;
        this.plan = plan;
        this.args = args;
        this.context = context;
        this.data = data;
    }

    MetricCall again() {
        return new MetricCall(tracker, plan, args, context, data);
    }

    MethodPlan plan() {
        return plan;
    }

    Object[] args() {
        return args;
    }

    LDContext context() {
        return context;
    }

    LDValue data() {
        return data;
    }

    @Override
    public void item(Object item, long sinceStartNanos) {
        items++;
    }

    @Override
    public void succeeded(Object result, long durationNanos) {
        // A Multi's result is the number of items it emitted.
        tracker.track(this, true, plan.resultKind() == ResultKind.MULTI ? items : result, true, durationNanos);
    }

    @Override
    public void failed(Throwable failure, long durationNanos) {
        tracker.track(this, false, null, false, durationNanos);
    }

    @Override
    public void cancelled(long durationNanos) {
    }
}
