package io.quarkiverse.launchdarkly.runtime.calls;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The one place that decides when a call of an annotated method has ended and how, for every {@link ResultKind}.
 * The policy, the same for every annotation:
 * <ul>
 * <li>a returned value, or an asynchronous result completing with an item, is a success; an exception thrown or a
 * result completing with a failure is a failure; a cancellation is neither;</li>
 * <li>a {@code CompletionStage} completes once, so it is one execution; the duration runs from the call;</li>
 * <li>a {@code Uni} or {@code Multi} does its work when subscribed, so each subscription is one execution (a
 * {@code retry()} is a new execution), timed from its subscription; the first one reports to the call's own
 * observer, each later one to a new observer;</li>
 * <li>a {@code null} asynchronous result is a success with no result.</li>
 * </ul>
 * The caller always gets the very result the method returned, or a pipeline that only observes it and subscribes to it
 * exactly when the caller subscribes.
 */
public final class CallResults {

    /**
     * The start of a call that is not timed: no event of its plan reads a duration, so the clock is never read and the
     * observers are given a duration of 0.
     */
    public static final long UNTIMED = Long.MIN_VALUE;

    private CallResults() {
    }

    /**
     * Observes what the method returned.
     *
     * @param startNanos {@link System#nanoTime()} when the call began, or {@link #UNTIMED}
     * @param first the observer of the call's first (for a {@code CompletionStage} or a value: only) execution
     * @param next a new observer for each later subscription of a {@code Uni} or {@code Multi}
     * @return what the caller gets
     */
    public static Object observe(ResultKind kind, Object result, long startNanos, CallObserver first,
            Supplier<CallObserver> next) {
        if (endedOnReturn(kind, result)) {
            first.succeeded(result, since(startNanos));
            return result;
        }
        return switch (kind) {
            case COMPLETION_STAGE -> observe((CompletionStage<?>) result, startNanos, first);
            case UNI -> observe((Uni<?>) result, new Executions(first, next, startNanos != UNTIMED));
            case MULTI -> observe((Multi<?>) result, new Executions(first, next, startNanos != UNTIMED));
            case SYNC -> result;
        };
    }

    /**
     * Whether the call ended, successfully, when the method returned: a plain value, or no asynchronous result at all.
     * An interceptor may then record it at once instead of building an observer for {@link #observe}.
     */
    public static boolean endedOnReturn(ResultKind kind, Object result) {
        return result == null || kind == ResultKind.SYNC;
    }

    /** Reports a method that threw. */
    public static void threw(Throwable failure, long startNanos, CallObserver observer) {
        observer.failed(failure, since(startNanos));
    }

    /** The nanoseconds since {@code startNanos}, 0 for an untimed call (without reading the clock). */
    private static long since(long startNanos) {
        return startNanos == UNTIMED ? 0L : System.nanoTime() - startNanos;
    }

    private static CompletionStage<?> observe(CompletionStage<?> stage, long startNanos, CallObserver observer) {
        // A dependent action only: the caller gets the very stage the method returned.
        stage.whenComplete((item, failure) -> {
            long duration = since(startNanos);
            if (failure == null) {
                observer.succeeded(item, duration);
            } else if (isCancellation(failure)) {
                observer.cancelled(duration);
            } else {
                observer.failed(failure, duration);
            }
        });
        return stage;
    }

    private static <T> Uni<T> observe(Uni<T> uni, Executions executions) {
        return Uni.createFrom().deferred(() -> {
            CallObserver observer = executions.next();
            long start = executions.start();
            return uni
                    .onItemOrFailure().invoke((item, failure) -> {
                        if (failure == null) {
                            observer.succeeded(item, since(start));
                        } else {
                            observer.failed(failure, since(start));
                        }
                    })
                    .onCancellation().invoke(() -> observer.cancelled(since(start)));
        });
    }

    private static <T> Multi<T> observe(Multi<T> multi, Executions executions) {
        return Multi.createFrom().deferred(() -> {
            CallObserver observer = executions.next();
            long start = executions.start();
            return multi
                    .onItem().invoke(item -> observer.item(item, since(start)))
                    .onTermination().invoke((failure, cancelled) -> {
                        long duration = since(start);
                        if (failure != null) {
                            observer.failed(failure, duration);
                        } else if (cancelled) {
                            observer.cancelled(duration);
                        } else {
                            observer.succeeded(null, duration);
                        }
                    });
        });
    }

    private static boolean isCancellation(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof CancellationException;
    }

    /**
     * The observers of the subscriptions of one lazy result: the call's own first, then a new one each time; each
     * subscription is timed from when it is made.
     */
    private static final class Executions {
        private final CallObserver first;
        private final Supplier<CallObserver> next;
        private final boolean timed;
        private final AtomicBoolean firstTaken = new AtomicBoolean();

        Executions(CallObserver first, Supplier<CallObserver> next, boolean timed) {
            this.first = first;
            this.next = next;
            this.timed = timed;
        }

        long start() {
            return timed ? System.nanoTime() : UNTIMED;
        }

        CallObserver next() {
            return firstTaken.compareAndSet(false, true) ? first : next.get();
        }
    }
}
