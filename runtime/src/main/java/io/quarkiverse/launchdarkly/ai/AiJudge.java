package io.quarkiverse.launchdarkly.ai;

import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.runtime.ai.ModelJudge;

/**
 * A judge: grades one answer with a model and gives an {@link AiJudgeResult}, which
 * {@link AiConfigTracker#trackJudgeResult} on the graded run turns into the judge's metric. Build one from a judge
 * config ({@link LaunchDarklyAi#judgeConfig}), the sampling rate the graded variation lists for it, and the model call:
 *
 * <pre>
 * AiJudge judge = AiJudge.of(ai.judgeConfig("relevance-judge", user), 0.25, myJudgeModel);
 * AiJudgeResult result = judge.evaluate(question, answer);
 * run.trackJudgeResult(result); // run: the graded call's tracker
 * </pre>
 *
 * {@link #evaluate} draws {@code r} uniform in [0,1) and skips when {@code r > samplingRate} (a rate of 0 or less never
 * samples, 1 or more always does): the result says {@code sampled=false}, no model call, no event. Otherwise it calls
 * the model on a new tracker of the judge config (configKey = the judge's key, a new runId), recording duration,
 * success or error and tokens as {@link AiConfigTracker#trackMetricsOf} does, and reads
 * {@code {"score", "reasoning"}} from the answer. A disabled judge config or one without
 * {@code evaluationMetricKey} gives a failed, unsampled result without model call.
 * <p>
 * Thread-safe; {@link #evaluate} blocks for the model call, so run it off the caller's path (see
 * {@link AiJudgeEvaluator}).
 */
public interface AiJudge {

    /** The structured output a judge model must give: a score from 0 to 1 and its reasoning, nothing else. */
    LDValue OUTPUT_SCHEMA = LDValue.parse("{\"type\":\"object\",\"properties\":{"
            + "\"score\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1},"
            + "\"reasoning\":{\"type\":\"string\"}},"
            + "\"required\":[\"score\",\"reasoning\"],\"additionalProperties\":false}");

    /** The judge config. */
    AiJudgeConfig config();

    /** The share of answers this judge grades, 0 to 1. */
    double samplingRate();

    /**
     * Grades one answer (see the type's description).
     *
     * @param input what the graded model was asked
     * @param output what it answered
     * @throws NullPointerException when input or output is {@code null}, before anything is sent
     */
    AiJudgeResult evaluate(String input, String output);

    /** Grades an answer to these messages, joined as {@code "<role>: <content>"} lines. */
    default AiJudgeResult evaluateMessages(List<AiMessage> messages, String output) {
        String input = messages == null ? ""
                : messages.stream().map(m -> m.role().wireName() + ": " + m.content()).collect(Collectors.joining("\n"));
        return evaluate(input, output);
    }

    /** A judge that samples with {@link java.util.concurrent.ThreadLocalRandom}. */
    static AiJudge of(AiJudgeConfig config, double samplingRate, AiJudgeModel model) {
        return new ModelJudge(config, samplingRate, model, null);
    }

    /**
     * A judge that samples with this source of numbers uniform in [0,1) (a test can fix it).
     */
    static AiJudge of(AiJudgeConfig config, double samplingRate, AiJudgeModel model, DoubleSupplier random) {
        return new ModelJudge(config, samplingRate, model, random);
    }
}
