package io.quarkiverse.launchdarkly.ai;

import com.launchdarkly.sdk.LDValue;

/**
 * What a judge model answered.
 *
 * @param output the structured answer, {@code {"score": number 0..1, "reasoning": string}}
 * @param metrics the metrics of the model call, recorded on the judge's own run; succeeded without tokens when
 *        {@code null}
 */
public record AiJudgeAnswer(LDValue output, AiMetrics metrics) {

    public AiJudgeAnswer {
        output = LDValue.normalize(output);
        metrics = metrics == null ? AiMetrics.succeeded() : metrics;
    }

    /** An answer from the model's JSON text; text that is not JSON gives an answer without score (a failed result). */
    public static AiJudgeAnswer ofJson(String json, AiMetrics metrics) {
        LDValue output;
        try {
            output = json == null ? LDValue.ofNull() : LDValue.parse(json);
        } catch (RuntimeException notJson) {
            output = LDValue.ofNull();
        }
        return new AiJudgeAnswer(output, metrics);
    }

    /** An answer with this score and reasoning. */
    public static AiJudgeAnswer of(double score, String reasoning, AiMetrics metrics) {
        return new AiJudgeAnswer(LDValue.buildObject().put("score", score).put("reasoning", reasoning).build(), metrics);
    }
}
