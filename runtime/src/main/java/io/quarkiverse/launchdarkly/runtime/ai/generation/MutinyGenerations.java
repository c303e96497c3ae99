package io.quarkiverse.launchdarkly.runtime.ai.generation;

import java.util.concurrent.atomic.AtomicLong;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Tracking of Mutiny results. Both are lazy: the model is called when the caller subscribes, so the clock starts at
 * the subscription. The returned pipeline only observes; it subscribes to the method's result exactly when the caller
 * subscribes. One call is one run: a second subscription to the same result re-uses the call's tracker, whose guards
 * then skip what the first subscription already recorded.
 */
final class MutinyGenerations {

    private MutinyGenerations() {
    }

    static Object observeUni(GenerationRun run, Object result) {
        if (result == null) {
            run.succeeded(null, 0);
            return null;
        }
        return observe(run, (Uni<?>) result);
    }

    private static <T> Uni<T> observe(GenerationRun run, Uni<T> uni) {
        return Uni.createFrom().deferred(() -> {
            AtomicLong start = new AtomicLong(System.nanoTime());
            return uni
                    .onSubscription().invoke(() -> start.set(System.nanoTime()))
                    .onItemOrFailure().invoke((item, failure) -> {
                        if (failure == null) {
                            run.succeeded(item, System.nanoTime() - start.get());
                        } else {
                            run.failed(System.nanoTime() - start.get());
                        }
                    })
                    .onCancellation().invoke(() -> run.cancelled(System.nanoTime() - start.get()));
        });
    }

    static Object observeStream(GenerationRun run, Object result) {
        if (result == null) {
            run.succeeded(null, 0);
            return null;
        }
        return observe(run, (Multi<?>) result);
    }

    /** Time to first token at the first item; the rest when the stream terminates. */
    private static <T> Multi<T> observe(GenerationRun run, Multi<T> multi) {
        return Multi.createFrom().deferred(() -> {
            AtomicLong start = new AtomicLong(System.nanoTime());
            return multi
                    .onSubscription().invoke(() -> start.set(System.nanoTime()))
                    .onItem().invoke(item -> run.chunk(item, System.nanoTime() - start.get()))
                    .onTermination().invoke((failure, cancelled) -> {
                        long duration = System.nanoTime() - start.get();
                        if (failure != null) {
                            run.streamFailed(duration);
                        } else if (cancelled) {
                            run.streamCancelled(duration);
                        } else {
                            run.streamCompleted(duration);
                        }
                    });
        });
    }
}
