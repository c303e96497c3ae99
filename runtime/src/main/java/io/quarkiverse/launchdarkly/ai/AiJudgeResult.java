package io.quarkiverse.launchdarkly.ai;

/**
 * The outcome of one judge looking at one run ({@link AiJudge#evaluate}). {@link AiConfigTracker#trackJudgeResult}
 * sends it under {@code metricKey} with the score as value, but only when it was sampled, succeeded, and has a
 * non-blank metric key and a finite score.
 *
 * @param judgeConfigKey the judge's AI Config key, added to the event data when not blank; may be {@code null}
 * @param success whether the judge produced a result
 * @param errorMessage why it did not, may be {@code null}
 * @param sampled whether this run was chosen by the judge's sampling rate
 * @param metricKey the event key, usually the judge config's {@code evaluationMetricKey}; may be {@code null}
 * @param score the score, may be {@code null}
 * @param reasoning the judge's explanation, may be {@code null}
 */
public record AiJudgeResult(String judgeConfigKey, boolean success, String errorMessage, boolean sampled,
        String metricKey, Double score, String reasoning) {

    /** A sampled, successful result. */
    public static AiJudgeResult scored(String judgeConfigKey, String metricKey, double score) {
        return new AiJudgeResult(judgeConfigKey, true, null, true, metricKey, score, null);
    }
}
