package io.quarkiverse.launchdarkly.runtime.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Applies a task to every item on at most {@code concurrency} threads and returns the results in the order of the
 * items. The threads live for one call only: a registration runs once per start (and when asked), so a pool kept
 * between runs would only hold idle threads.
 */
final class BoundedWorkers {

    private BoundedWorkers() {
    }

    /**
     * @param threadName the name of the worker threads, followed by {@code -1}, {@code -2}...
     * @param task the work on one item; it reports its failures in its result, it does not throw them
     * @param notRun the result of an item the call was interrupted before
     */
    static <T, R> List<R> map(List<T> items, int concurrency, String threadName, Function<T, R> task,
            Function<T, R> notRun) {
        int threads = Math.min(Math.max(1, concurrency), items.size());
        if (threads <= 1) {
            List<R> results = new ArrayList<>(items.size());
            for (T item : items) {
                results.add(Thread.currentThread().isInterrupted() ? notRun.apply(item) : task.apply(item));
            }
            return results;
        }
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(items.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> workers = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    int index;
                    while (!Thread.currentThread().isInterrupted() && (index = next.getAndIncrement()) < items.size()) {
                        results.set(index, task.apply(items.get(index)));
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            // The application stops: the workers are interrupted below, the items not done are reported as such.
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("A metric registration worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<R> ordered = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            R result = results.get(i);
            ordered.add(result != null ? result : notRun.apply(items.get(i)));
        }
        return ordered;
    }
}
