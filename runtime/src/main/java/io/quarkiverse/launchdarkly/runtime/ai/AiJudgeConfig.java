package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.List;
import java.util.Optional;

/**
 * A judge config: the messages that ask a model to score another run, and the metric key the score is sent under.
 */
public final class AiJudgeConfig extends AiConfig {

    private final List<AiMessage> messages;
    private final String evaluationMetricKey;

    AiJudgeConfig(ConfigCommon common, List<AiMessage> messages, String evaluationMetricKey) {
        super(common);
        this.messages = List.copyOf(messages);
        this.evaluationMetricKey = evaluationMetricKey;
    }

    public List<AiMessage> messages() {
        return messages;
    }

    /**
     * {@code evaluationMetricKey} trimmed, else the first non-blank entry of {@code evaluationMetricKeys}; the event key
     * of {@link AiConfigTracker#trackJudgeResult}.
     */
    public Optional<String> evaluationMetricKey() {
        return Optional.ofNullable(evaluationMetricKey);
    }

    @Override
    public String toString() {
        return super.toString() + "{evaluationMetricKey=" + evaluationMetricKey + ", messages=" + messages + "}";
    }
}
