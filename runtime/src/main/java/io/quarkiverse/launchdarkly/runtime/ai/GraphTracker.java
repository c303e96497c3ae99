package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.ai.AiGraphMetricSummary;
import io.quarkiverse.launchdarkly.ai.AiGraphTracker;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

/**
 * The tracker of one agent graph run: sends the {@code $ld:ai:graph:*} events on the run's context and keeps the
 * guarded slots, claimed under the tracker's lock, as {@link RunTracker} does for configs.
 */
final class GraphTracker implements AiGraphTracker {

    private static final String NEW_RUN_HINT = " Call createTracker on the agent graph for a new run.";

    private final LDClientInterface client;
    private final LDContext context;
    private final Identity identity;
    private final Consumer<String> warnings;

    private Boolean success;
    private Long durationMs;
    private AiTokenUsage tokens;
    private List<String> path;

    /**
     * Who a graph tracker speaks for.
     *
     * @param runId the run, a UUIDv4
     * @param graphKey the graph key
     * @param variationKey the variation, {@code null} when the flag has none (then left out of data and token)
     * @param version the variation version
     */
    record Identity(String runId, String graphKey, String variationKey, int version) {
    }

    GraphTracker(LDClientInterface client, LDContext context, Identity identity, Consumer<String> warnings) {
        this.client = Objects.requireNonNull(client, "client");
        this.context = Objects.requireNonNull(context, "context");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.warnings = warnings;
    }

    @Override
    public String runId() {
        return identity.runId();
    }

    @Override
    public String graphKey() {
        return identity.graphKey();
    }

    @Override
    public LDValue trackData() {
        return data().build();
    }

    private ObjectBuilder data() {
        ObjectBuilder data = LDValue.buildObject()
                .put("runId", identity.runId())
                .put("graphKey", identity.graphKey())
                .put("version", identity.version());
        if (identity.variationKey() != null) {
            data.put("variationKey", identity.variationKey());
        }
        return data;
    }

    @Override
    public String resumptionToken() {
        return ResumptionToken.encodeGraph(identity);
    }

    @Override
    public void trackInvocationSuccess() {
        if (claimOutcome(true, "trackInvocationSuccess")) {
            send(INVOCATION_SUCCESS, trackData(), 1);
        }
    }

    @Override
    public void trackInvocationFailure() {
        if (claimOutcome(false, "trackInvocationFailure")) {
            send(INVOCATION_FAILURE, trackData(), 1);
        }
    }

    private synchronized boolean claimOutcome(boolean outcome, String method) {
        if (success != null) {
            warnings.accept("Skipping " + method + ": invocation success/failure already recorded on this graph tracker."
                    + NEW_RUN_HINT);
            return false;
        }
        success = outcome;
        return true;
    }

    @Override
    public void trackDuration(long milliseconds) {
        synchronized (this) {
            if (durationMs != null) {
                warnings.accept("Skipping trackDuration: duration already recorded on this graph tracker." + NEW_RUN_HINT);
                return;
            }
            durationMs = milliseconds;
        }
        send(DURATION, trackData(), milliseconds);
    }

    @Override
    public void trackTotalTokens(AiTokenUsage usage) {
        if (usage == null) {
            warnings.accept("Skipping trackTotalTokens: the token usage is null.");
            return;
        }
        if (usage.total() <= 0) {
            return; // nothing to report; the slot stays free for a later, real count
        }
        synchronized (this) {
            if (tokens != null) {
                warnings.accept("Skipping trackTotalTokens: token usage already recorded on this graph tracker."
                        + NEW_RUN_HINT);
                return;
            }
            tokens = usage;
        }
        send(TOTAL_TOKENS, trackData(), usage.total());
    }

    @Override
    public void trackPath(List<String> nodeKeys) {
        if (nodeKeys == null || nodeKeys.isEmpty() || nodeKeys.stream().anyMatch(GraphTracker::blank)) {
            warnings.accept("Skipping trackPath: the path is null, empty or has a null or blank node key.");
            return;
        }
        List<String> recorded = List.copyOf(nodeKeys);
        synchronized (this) {
            if (path != null) {
                warnings.accept("Skipping trackPath: path already recorded on this graph tracker." + NEW_RUN_HINT);
                return;
            }
            path = recorded;
        }
        var array = LDValue.buildArray();
        recorded.forEach(array::add);
        send(PATH, data().put("path", array.build()).build(), 1);
    }

    @Override
    public void trackRedirect(String sourceKey, String redirectedTarget) {
        if (checkKeys("trackRedirect", sourceKey, redirectedTarget)) {
            send(REDIRECT, data().put("sourceKey", sourceKey).put("redirectedTarget", redirectedTarget).build(), 1);
        }
    }

    @Override
    public void trackHandoffSuccess(String sourceKey, String targetKey) {
        if (checkKeys("trackHandoffSuccess", sourceKey, targetKey)) {
            send(HANDOFF_SUCCESS, data().put("sourceKey", sourceKey).put("targetKey", targetKey).build(), 1);
        }
    }

    @Override
    public void trackHandoffFailure(String sourceKey, String targetKey) {
        if (checkKeys("trackHandoffFailure", sourceKey, targetKey)) {
            send(HANDOFF_FAILURE, data().put("sourceKey", sourceKey).put("targetKey", targetKey).build(), 1);
        }
    }

    private boolean checkKeys(String method, String sourceKey, String targetKey) {
        if (blank(sourceKey) || blank(targetKey)) {
            warnings.accept("Skipping " + method + ": the source and target node keys must not be null or blank.");
            return false;
        }
        return true;
    }

    private static boolean blank(String key) {
        return key == null || key.isBlank();
    }

    @Override
    public synchronized AiGraphMetricSummary summary() {
        return new AiGraphMetricSummary(Optional.ofNullable(success),
                durationMs == null ? OptionalLong.empty() : OptionalLong.of(durationMs), Optional.ofNullable(tokens),
                Optional.ofNullable(path), resumptionToken());
    }

    private void send(String eventKey, LDValue eventData, double value) {
        client.trackMetric(eventKey, context, eventData, value);
    }

    @Override
    public String toString() {
        return "AiGraphTracker" + trackData().toJsonString();
    }
}
