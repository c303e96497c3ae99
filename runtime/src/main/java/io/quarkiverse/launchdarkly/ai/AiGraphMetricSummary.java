package io.quarkiverse.launchdarkly.ai;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one graph tracker has sent so far: each guarded slot is empty until its first call.
 *
 * @param success {@code true} after an invocation success, {@code false} after a failure
 * @param durationMs the duration recorded
 * @param tokens the token usage recorded
 * @param path the path recorded
 * @param resumptionToken the tracker's resumption token
 */
public record AiGraphMetricSummary(Optional<Boolean> success, OptionalLong durationMs, Optional<AiTokenUsage> tokens,
        Optional<List<String>> path, String resumptionToken) {
}
