package io.quarkiverse.launchdarkly.ai;

import java.util.List;
import java.util.Optional;

/**
 * A judge config: the messages that ask a model to score another run, and the metric key the score is sent under.
 */
public interface AiJudgeConfig extends AiConfig {

    /** The messages that ask the judge model for a score. */
    List<AiMessage> messages();

    /**
     * {@code evaluationMetricKey} trimmed, else the first non-blank entry of {@code evaluationMetricKeys}; the event key
     * of {@link AiConfigTracker#trackJudgeResult}.
     */
    Optional<String> evaluationMetricKey();
}
