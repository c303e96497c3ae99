package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.launchdarkly.TrackingFailureCounts.Reason;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfiguration;
import io.quarkiverse.launchdarkly.ai.AiJudgeModel;
import io.quarkiverse.launchdarkly.ai.AiJudgeResult;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;

/**
 * Grades answers in the background: the judges a variation lists run on a small pool of their own (bounded threads,
 * bounded queue), with the application's {@link AiJudgeModel} bean, and their scores land on the graded run. A judge
 * the full queue refuses is counted ({@link Reason#JUDGE_DROPPED}) and logged at most once a minute; a judge without
 * score is counted as {@link Reason#JUDGE_FAILED}. {@link #dispatch} never blocks for a judge and never throws.
 */
@Singleton
public class JudgeDispatcher {

    /** Judge model calls at once; small, as judges compete with the application for the model. */
    static final int DEFAULT_CONCURRENCY = 2;
    /** Judge evaluations waiting at most; beyond, they are dropped and counted rather than delaying anything. */
    static final int DEFAULT_QUEUE_CAPACITY = 256;

    private static final Logger LOG = Logger.getLogger(JudgeDispatcher.class);
    private static final String WHERE = JudgeDispatcher.class.getSimpleName() + "#dispatch";

    private final LaunchDarklyAi ai;
    private final TrackingFailures failures;
    private final AiJudgeModel model;
    private final ThreadPoolExecutor pool;
    private final Executor counting;
    private final String full;

    @Inject
    JudgeDispatcher(LaunchDarklyAi ai, TrackingFailures failures, Instance<AiJudgeModel> models) {
        this(ai, failures, models.isResolvable() ? models.get() : null, DEFAULT_CONCURRENCY, DEFAULT_QUEUE_CAPACITY);
        if (models.isAmbiguous()) {
            LOG.warn("Several AiJudgeModel beans: judges do not run in the background until exactly one is a bean");
        }
    }

    JudgeDispatcher(LaunchDarklyAi ai, TrackingFailures failures, AiJudgeModel model, int concurrency,
            int queueCapacity) {
        this.ai = ai;
        this.failures = failures;
        this.model = model;
        AtomicInteger threads = new AtomicInteger();
        // A full queue answers with one shared exception without a stack trace: under overload every call of a judged
        // method meets it, and the default policy would build a message and a stack trace each time.
        this.pool = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), task -> {
                    Thread thread = new Thread(task, "launchdarkly-judge-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, (task, executor) -> {
                    throw Refused.INSTANCE;
                });
        pool.allowCoreThreadTimeOut(true);
        this.full = "the queue of " + queueCapacity + " judge evaluations is full";
        this.counting = task -> {
            try {
                pool.execute(task);
            } catch (RejectedExecutionException refused) {
                failures.judgeDropped(pool.isShutdown() ? "the judges are shut down" : full);
                throw refused;
            }
        };
    }

    /** The refusal of a judge evaluation the queue cannot hold: shared, so it carries no stack trace. */
    static final class Refused extends RejectedExecutionException {

        static final Refused INSTANCE = new Refused();

        private Refused() {
            super("no room for the judge evaluation");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Whether judges can run: the application provides an {@link AiJudgeModel} bean. */
    public boolean active() {
        return model != null;
    }

    /**
     * Hands a successful call's answer to the judges its variation lists, and returns at once. Each judge is evaluated
     * for the graded run's context, samples by its rate, and its score is tracked on {@code run}.
     *
     * @param input what the graded model was asked
     * @param output what it answered
     * @param run the graded call's tracker, as its config created it
     * @param judges the variation's {@code judgeConfiguration}; nothing runs when {@code null} or empty
     * @return the results when all judges are done (completed with none when nothing runs); never fails
     */
    public CompletableFuture<List<AiJudgeResult>> dispatch(String input, String output, AiConfigTracker run,
            AiJudgeConfiguration judges) {
        return dispatchLazily(() -> input, output, run, judges);
    }

    /**
     * {@link #dispatch(String, String, AiConfigTracker, AiJudgeConfiguration)} with the input made only when a judge
     * can be queued: a call whose judges are dropped (a full queue) does not pay for writing it.
     */
    public CompletableFuture<List<AiJudgeResult>> dispatchLazily(Supplier<String> input, String output, AiConfigTracker run,
            AiJudgeConfiguration judges) {
        if (model == null || judges == null || judges.judges().isEmpty() || run == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (pool.getQueue().remainingCapacity() == 0 && !pool.isShutdown()) {
            return CompletableFuture.completedFuture(dropped(judges));
        }
        String text = input.get();
        if (text == null || output == null || !(run instanceof RunTracker tracker)) {
            LOG.debugf("Judges not run for %s: no input or output, or a tracker this client did not create", run);
            return CompletableFuture.completedFuture(List.of());
        }
        try {
            return ai.judgeEvaluator(judges, tracker.context(), model, counting).evaluate(run, text, output)
                    .thenApply(results -> {
                        results.stream().filter(r -> r.sampled() && !r.success())
                                .forEach(r -> failures.judgeFailed(r.judgeConfigKey(), r.errorMessage()));
                        return results;
                    });
        } catch (RuntimeException e) {
            failures.trackingError(WHERE, e);
            return CompletableFuture.completedFuture(List.of());
        }
    }

    /** Each judge not run, counted: what the evaluator answers for a judge the queue refuses, without asking it. */
    private List<AiJudgeResult> dropped(AiJudgeConfiguration judges) {
        List<AiJudgeResult> results = new ArrayList<>(judges.judges().size());
        for (AiJudgeConfiguration.Judge judge : judges.judges()) {
            failures.judgeDropped(full);
            results.add(new AiJudgeResult(judge.key(), false, "The judge was not run: " + full, false, null, null,
                    null));
        }
        return results;
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                int dropped = pool.shutdownNow().size();
                LOG.warnf("%d judge evaluation(s) still queued at shutdown were dropped", dropped);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
