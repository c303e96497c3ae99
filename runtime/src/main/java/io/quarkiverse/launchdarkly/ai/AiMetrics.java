package io.quarkiverse.launchdarkly.ai;

import java.util.List;

/**
 * What {@link AiConfigTracker#trackMetricsOf} learns from a model response through the caller's extractor.
 *
 * @param success whether the generation succeeded; {@code false} sends an error event instead of success
 * @param tokens the token usage, {@code null} when unknown
 * @param toolCalls the tools the model called, one tool-call event each
 */
public record AiMetrics(boolean success, AiTokenUsage tokens, List<String> toolCalls) {

    public AiMetrics {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static AiMetrics succeeded() {
        return new AiMetrics(true, null, List.of());
    }

    public static AiMetrics succeeded(AiTokenUsage tokens) {
        return new AiMetrics(true, tokens, List.of());
    }

    public static AiMetrics failed() {
        return new AiMetrics(false, null, List.of());
    }

    public AiMetrics withToolCalls(List<String> tools) {
        return new AiMetrics(success, tokens, tools);
    }
}
