package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiJudge;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfig;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfiguration;
import io.quarkiverse.launchdarkly.ai.AiJudgeEvaluator;
import io.quarkiverse.launchdarkly.ai.AiJudgeResult;

/**
 * The {@link AiJudgeEvaluator}: one executor task per judge, each evaluating its judge config, grading, and tracking
 * the result on the graded run. Nothing here throws into the caller once the arguments are checked.
 */
final class JudgeEvaluator implements AiJudgeEvaluator {

    private static final Logger LOG = Logger.getLogger(JudgeEvaluator.class);

    private final AiJudgeConfiguration judges;
    private final Function<String, AiJudgeConfig> judgeConfigs;
    private final JudgeFactory factory;
    private final Executor executor;

    /** Makes the judge of one config and rate. */
    interface JudgeFactory {
        AiJudge judge(AiJudgeConfig config, double samplingRate);
    }

    JudgeEvaluator(AiJudgeConfiguration judges, Function<String, AiJudgeConfig> judgeConfigs, JudgeFactory factory,
            Executor executor) {
        this.judges = Objects.requireNonNull(judges, "The judge configuration must not be null");
        this.judgeConfigs = judgeConfigs;
        this.factory = factory;
        this.executor = Objects.requireNonNull(executor, "The executor must not be null");
    }

    @Override
    public CompletableFuture<List<AiJudgeResult>> evaluate(AiConfigTracker gradedRun, String input, String output) {
        Objects.requireNonNull(gradedRun, "The graded run's tracker must not be null");
        Objects.requireNonNull(input, "The input the judges grade must not be null");
        Objects.requireNonNull(output, "The output the judges grade must not be null");
        List<CompletableFuture<AiJudgeResult>> running = new ArrayList<>();
        for (AiJudgeConfiguration.Judge judge : judges.judges()) {
            CompletableFuture<AiJudgeResult> result;
            try {
                result = CompletableFuture.supplyAsync(() -> grade(judge, gradedRun, input, output), executor);
            } catch (RuntimeException refused) { // a full queue, a shut-down executor
                result = CompletableFuture.completedFuture(new AiJudgeResult(judge.key(), false,
                        "The judge was not run: " + refused, false, null, null, null));
            }
            running.add(result);
        }
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                .thenApply(done -> running.stream().map(CompletableFuture::join).toList());
    }

    private AiJudgeResult grade(AiJudgeConfiguration.Judge judge, AiConfigTracker gradedRun, String input,
            String output) {
        AiJudgeResult result;
        try {
            result = factory.judge(judgeConfigs.apply(judge.key()), judge.samplingRate()).evaluate(input, output);
        } catch (RuntimeException e) {
            LOG.debugf(e, "The judge %s failed", judge.key());
            result = new AiJudgeResult(judge.key(), false, String.valueOf(e.getMessage()), true, null, null, null);
        }
        try {
            gradedRun.trackJudgeResult(result);
        } catch (RuntimeException e) {
            LOG.debugf(e, "Tracking the result of the judge %s failed", judge.key());
        }
        return result;
    }
}
