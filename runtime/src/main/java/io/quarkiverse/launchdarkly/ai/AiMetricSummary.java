package io.quarkiverse.launchdarkly.ai;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one tracker has sent so far: each guarded slot is empty until its first call.
 *
 * @param success {@code true} after a success, {@code false} after an error
 * @param tokens the token usage recorded
 * @param toolCalls every tool call recorded, in order
 * @param durationMs the duration recorded
 * @param timeToFirstTokenMs the time to first token recorded
 * @param feedback the feedback recorded
 * @param resumptionToken the tracker's resumption token
 */
public record AiMetricSummary(Optional<Boolean> success, Optional<AiTokenUsage> tokens, List<String> toolCalls,
        OptionalLong durationMs, OptionalLong timeToFirstTokenMs, Optional<AiFeedbackKind> feedback,
        String resumptionToken) {

    public AiMetricSummary {
        toolCalls = List.copyOf(toolCalls);
    }
}
