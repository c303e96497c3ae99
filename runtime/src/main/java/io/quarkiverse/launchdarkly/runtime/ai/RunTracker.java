package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiFeedbackKind;
import io.quarkiverse.launchdarkly.ai.AiJudgeResult;
import io.quarkiverse.launchdarkly.ai.AiMetricSummary;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

/**
 * The tracker of one AI run: sends the tracker events on the run's context through the SDK client and keeps the
 * guarded slots, claimed under the tracker's lock.
 */
final class RunTracker implements AiConfigTracker {

    private static final Logger LOG = Logger.getLogger(RunTracker.class);
    private static final String NEW_RUN_HINT = " Call createTracker on the AI Config for a new run.";

    private final LDClientInterface client;
    private final LDContext context;
    private final TrackData data;
    private final Consumer<String> warnings;

    private Long durationMs;
    private Long timeToFirstTokenMs;
    private Boolean success;
    private AiTokenUsage tokens;
    private AiFeedbackKind feedback;
    private final List<String> toolCalls = new ArrayList<>();

    RunTracker(LDClientInterface client, LDContext context, TrackData data, Consumer<String> warnings) {
        this.client = Objects.requireNonNull(client, "client");
        this.context = Objects.requireNonNull(context, "context");
        this.data = Objects.requireNonNull(data, "data");
        this.warnings = warnings;
    }

    /** The context the run's events are sent on, for work that continues the run elsewhere (its judges). */
    LDContext context() {
        return context;
    }

    @Override
    public String runId() {
        return data.runId();
    }

    @Override
    public String configKey() {
        return data.configKey();
    }

    @Override
    public LDValue trackData() {
        return data.toData().build();
    }

    @Override
    public String resumptionToken() {
        return ResumptionToken.encode(data);
    }

    @Override
    public void trackDuration(long milliseconds) {
        synchronized (this) {
            if (durationMs != null) {
                warnings.accept("Skipping trackDuration: duration already recorded on this tracker." + NEW_RUN_HINT);
                return;
            }
            durationMs = milliseconds;
        }
        send(DURATION, trackData(), milliseconds);
    }

    @Override
    public void trackTimeToFirstToken(long milliseconds) {
        synchronized (this) {
            if (timeToFirstTokenMs != null) {
                warnings.accept("Skipping trackTimeToFirstToken: time-to-first-token already recorded on this tracker."
                        + NEW_RUN_HINT);
                return;
            }
            timeToFirstTokenMs = milliseconds;
        }
        send(TIME_TO_FIRST_TOKEN, trackData(), milliseconds);
    }

    @Override
    public void trackSuccess() {
        if (claimOutcome(true, "trackSuccess")) {
            send(SUCCESS, trackData(), 1);
        }
    }

    @Override
    public void trackError() {
        if (claimOutcome(false, "trackError")) {
            send(ERROR, trackData(), 1);
        }
    }

    private synchronized boolean claimOutcome(boolean outcome, String method) {
        if (success != null) {
            warnings.accept("Skipping " + method + ": success/error already recorded on this tracker." + NEW_RUN_HINT);
            return false;
        }
        success = outcome;
        return true;
    }

    @Override
    public void trackFeedback(AiFeedbackKind kind) {
        if (kind == null) {
            warnings.accept("Skipping trackFeedback: the feedback kind is null.");
            return;
        }
        synchronized (this) {
            if (feedback != null) {
                warnings.accept("Skipping trackFeedback: feedback already recorded on this tracker." + NEW_RUN_HINT);
                return;
            }
            feedback = kind;
        }
        send(kind.eventKey(), trackData(), 1);
    }

    @Override
    public void trackTokens(AiTokenUsage usage) {
        if (usage == null) {
            warnings.accept("Skipping trackTokens: the token usage is null.");
            return;
        }
        synchronized (this) {
            if (tokens != null) {
                warnings.accept("Skipping trackTokens: token usage already recorded on this tracker." + NEW_RUN_HINT);
                return;
            }
            tokens = usage;
        }
        LDValue trackData = trackData();
        if (usage.total() > 0) {
            send(TOKENS_TOTAL, trackData, usage.total());
        }
        if (usage.input() > 0) {
            send(TOKENS_INPUT, trackData, usage.input());
        }
        if (usage.output() > 0) {
            send(TOKENS_OUTPUT, trackData, usage.output());
        }
    }

    @Override
    public void trackToolCall(String toolKey) {
        if (toolKey == null || toolKey.isBlank()) {
            // As the official Java SDK: nothing is sent, at debug level, since an agent loop may pass what it got.
            LOG.debugf("Skipping trackToolCall: the tool key is %s.", toolKey == null ? "null" : "blank");
            return;
        }
        synchronized (this) {
            toolCalls.add(toolKey);
        }
        send(TOOL_CALL, data.toData().put("toolKey", toolKey).build(), 1);
    }

    @Override
    public void trackJudgeResult(AiJudgeResult result) {
        if (result == null) {
            warnings.accept("Skipping trackJudgeResult: the judge result is null.");
            return;
        }
        if (!result.sampled() || !result.success() || result.metricKey() == null || result.metricKey().isBlank()
                || result.score() == null || !Double.isFinite(result.score())) {
            return;
        }
        var trackData = data.toData();
        if (result.judgeConfigKey() != null && !result.judgeConfigKey().isEmpty()) {
            trackData.put("judgeConfigKey", result.judgeConfigKey());
        }
        send(result.metricKey(), trackData.build(), result.score());
    }

    @Override
    public synchronized AiMetricSummary summary() {
        return new AiMetricSummary(Optional.ofNullable(success), Optional.ofNullable(tokens), toolCalls,
                durationMs == null ? OptionalLong.empty() : OptionalLong.of(durationMs),
                timeToFirstTokenMs == null ? OptionalLong.empty() : OptionalLong.of(timeToFirstTokenMs),
                Optional.ofNullable(feedback), resumptionToken());
    }

    private void send(String eventKey, LDValue eventData, double value) {
        client.trackMetric(eventKey, context, eventData, value);
    }

    @Override
    public String toString() {
        return "AiConfigTracker" + trackData().toJsonString();
    }
}
