package io.quarkiverse.launchdarkly.runtime.metrics;

import java.util.concurrent.atomic.AtomicLong;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Tracking of Mutiny results. Both are lazy, so each subscription is one execution: the events are sent when that
 * subscription terminates, and the duration runs from subscription to termination. A cancellation is not a failure
 * of the method: it counts as a success (a {@code Uni} then has no item, so events valued by its result are skipped; a
 * {@code Multi}'s result is the items it emitted so far).
 * The returned pipeline only observes; it subscribes to the method's result exactly when the caller subscribes.
 */
final class MutinyResults {

    private MutinyResults() {
    }

    static Object observeUni(MetricTracker tracker, MethodPlan plan, Object[] args, Object result) {
        if (result == null) {
            tracker.track(plan, args, true, null, true, 0);
            return null;
        }
        return observe(tracker, plan, args, (Uni<?>) result);
    }

    private static <T> Uni<T> observe(MetricTracker tracker, MethodPlan plan, Object[] args, Uni<T> uni) {
        return Uni.createFrom().deferred(() -> {
            AtomicLong start = new AtomicLong(System.nanoTime());
            return uni
                    .onSubscription().invoke(() -> start.set(System.nanoTime()))
                    .onItemOrFailure().invoke((item, failure) -> tracker.track(plan, args, failure == null, item,
                            failure == null, System.nanoTime() - start.get()))
                    .onCancellation()
                    .invoke(() -> tracker.track(plan, args, true, null, false, System.nanoTime() - start.get()));
        });
    }

    static Object observeMulti(MetricTracker tracker, MethodPlan plan, Object[] args, Object result) {
        if (result == null) {
            tracker.track(plan, args, true, null, true, 0);
            return null;
        }
        return observe(tracker, plan, args, (Multi<?>) result);
    }

    private static <T> Multi<T> observe(MetricTracker tracker, MethodPlan plan, Object[] args, Multi<T> multi) {
        return Multi.createFrom().deferred(() -> {
            AtomicLong start = new AtomicLong(System.nanoTime());
            AtomicLong items = new AtomicLong();
            return multi
                    .onSubscription().invoke(() -> start.set(System.nanoTime()))
                    .onItem().invoke(item -> items.incrementAndGet())
                    .onTermination().invoke((failure, cancelled) -> tracker.track(plan, args, failure == null,
                            items.get(), failure == null, System.nanoTime() - start.get()));
        });
    }
}
