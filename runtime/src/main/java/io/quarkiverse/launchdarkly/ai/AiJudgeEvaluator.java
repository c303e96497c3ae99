package io.quarkiverse.launchdarkly.ai;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs every judge of a variation's {@code judgeConfiguration} on one answer, off the caller's thread, and records
 * each judge's result on the graded run ({@link AiConfigTracker#trackJudgeResult}). Get one from
 * {@link LaunchDarklyAi#judgeEvaluator}.
 */
public interface AiJudgeEvaluator {

    /**
     * Starts the judges and returns at once. The judge configs are evaluated (without usage events) and the judges run
     * on the evaluator's executor; each result is tracked on {@code gradedRun} as it arrives. The future completes with
     * the results in {@code judgeConfiguration} order and never completes exceptionally: a judge that fails, or that the
     * executor refuses, gives a failed result.
     *
     * @throws NullPointerException when an argument is {@code null}, before anything starts
     */
    CompletableFuture<List<AiJudgeResult>> evaluate(AiConfigTracker gradedRun, String input, String output);
}
