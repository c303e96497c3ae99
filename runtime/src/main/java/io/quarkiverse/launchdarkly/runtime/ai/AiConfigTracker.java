package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

/**
 * Records one AI run (one model call, one agent turn) for LaunchDarkly's AI Config monitoring. Each tracker has its
 * own {@code runId}, so get a new one with {@link AiConfig#createTracker()} for every run, and rebuild the same run
 * elsewhere with {@link LaunchDarklyAi#trackerFromResumptionToken}.
 * <p>
 * Duration, time to first token, the outcome (success or error share one slot), feedback (positive or negative share
 * one slot) and tokens (one slot for the three token events) are sent at most once per tracker: a repeated call sends
 * nothing and logs a warning, because LaunchDarkly would otherwise count the run twice. Tool calls and judge results
 * are sent on every call. Every event goes through {@link LDClientInterface#trackMetric} on the caller's context.
 * <p>
 * Thread-safe: the guarded slots are claimed under the tracker's lock.
 */
public final class AiConfigTracker {

    // The event keys a tracker sends, those LaunchDarkly's AI Config monitoring reads. Public so that what reads the
    // events back (the Dev UI, a test) names them from here rather than spelling them again.

    /** Sent by {@link #trackDuration}, with the milliseconds. */
    public static final String DURATION = "$ld:ai:duration:total";
    /** Sent by {@link #trackTimeToFirstToken}, with the milliseconds. */
    public static final String TIME_TO_FIRST_TOKEN = "$ld:ai:tokens:ttf";
    /** Sent by {@link #trackSuccess}. */
    public static final String SUCCESS = "$ld:ai:generation:success";
    /** Sent by {@link #trackError}. */
    public static final String ERROR = "$ld:ai:generation:error";
    /** Sent by {@link #trackFeedback} for {@link AiFeedbackKind#POSITIVE}. */
    public static final String FEEDBACK_POSITIVE = "$ld:ai:feedback:user:positive";
    /** Sent by {@link #trackFeedback} for {@link AiFeedbackKind#NEGATIVE}. */
    public static final String FEEDBACK_NEGATIVE = "$ld:ai:feedback:user:negative";
    /** Sent by {@link #trackTokens}, with the total count. */
    public static final String TOKENS_TOTAL = "$ld:ai:tokens:total";
    /** Sent by {@link #trackTokens}, with the input (prompt) count. */
    public static final String TOKENS_INPUT = "$ld:ai:tokens:input";
    /** Sent by {@link #trackTokens}, with the output (completion) count. */
    public static final String TOKENS_OUTPUT = "$ld:ai:tokens:output";
    /** Sent by {@link #trackToolCall}, once per tool, with the tool's key in the data. */
    public static final String TOOL_CALL = "$ld:ai:tool_call";

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

    AiConfigTracker(LDClientInterface client, LDContext context, TrackData data, Consumer<String> warnings) {
        this.client = Objects.requireNonNull(client, "client");
        this.context = Objects.requireNonNull(context, "context");
        this.data = Objects.requireNonNull(data, "data");
        this.warnings = warnings;
    }

    /** This run's id, a UUIDv4 (or the id carried by the resumption token this tracker was rebuilt from). */
    public String runId() {
        return data.runId();
    }

    /** The AI Config key. */
    public String configKey() {
        return data.configKey();
    }

    /** The {@code data} every event of this tracker carries. */
    public LDValue trackData() {
        return data.toData().build();
    }

    /**
     * A token that rebuilds this run elsewhere (another request or process), so that feedback given later joins it.
     */
    public String resumptionToken() {
        return ResumptionToken.encode(data);
    }

    /** Sends {@code $ld:ai:duration:total}, at most once. */
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

    /**
     * Sends {@code $ld:ai:tokens:ttf}, at most once. {@code @AiGeneration} methods returning a {@code Multi} record it
     * at the first item; elsewhere, measure it where the stream starts.
     */
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

    /** Sends {@code $ld:ai:generation:success} unless this run already has an outcome. */
    public void trackSuccess() {
        if (claimOutcome(true, "trackSuccess")) {
            send(SUCCESS, trackData(), 1);
        }
    }

    /** Sends {@code $ld:ai:generation:error} unless this run already has an outcome. */
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

    /** Sends the user's feedback, at most once per run (positive and negative share the slot). */
    public void trackFeedback(AiFeedbackKind kind) {
        Objects.requireNonNull(kind, "kind");
        synchronized (this) {
            if (feedback != null) {
                warnings.accept("Skipping trackFeedback: feedback already recorded on this tracker." + NEW_RUN_HINT);
                return;
            }
            feedback = kind;
        }
        send(kind.eventKey(), trackData(), 1);
    }

    /**
     * Sends {@code $ld:ai:tokens:total}, {@code :input} and {@code :output}, in that order, each only when its count is
     * above zero. The three share one slot: a second call sends none of them.
     */
    public void trackTokens(AiTokenUsage usage) {
        Objects.requireNonNull(usage, "usage");
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

    /** Sends {@code $ld:ai:tool_call} with {@code toolKey} in the data; every call counts. */
    public void trackToolCall(String toolKey) {
        synchronized (this) {
            toolCalls.add(toolKey);
        }
        send(TOOL_CALL, data.toData().put("toolKey", toolKey).build(), 1);
    }

    /** One {@code $ld:ai:tool_call} per tool, in order. */
    public void trackToolCalls(List<String> toolKeys) {
        toolKeys.forEach(this::trackToolCall);
    }

    /**
     * Sends a judge's score under its metric key, only when the result was sampled and successful and has a metric key
     * and a score; the data adds {@code judgeConfigKey} when not blank. Every call counts.
     */
    public void trackJudgeResult(AiJudgeResult result) {
        if (!result.sampled() || !result.success() || result.metricKey() == null || result.score() == null) {
            return;
        }
        var trackData = data.toData();
        if (result.judgeConfigKey() != null && !result.judgeConfigKey().isEmpty()) {
            trackData.put("judgeConfigKey", result.judgeConfigKey());
        }
        send(result.metricKey(), trackData.build(), result.score());
    }

    /**
     * Runs the call and sends its duration whether it returns or throws; never an error (use {@link #trackMetricsOf}
     * for that).
     */
    public <T, E extends Exception> T trackDurationOf(ModelCall<T, E> call) throws E {
        long start = System.nanoTime();
        try {
            return call.call();
        } finally {
            trackDuration(elapsedMillis(start));
        }
    }

    /**
     * Runs the call and records what happened, as the official SDKs do:
     * <ul>
     * <li>the call throws: the duration, then an error, then the same exception is rethrown unchanged;</li>
     * <li>the call returns: the duration, then success (or an error when the extracted metrics say
     * {@code success=false}), then tokens, then tool calls, and the response is returned;</li>
     * <li>the extractor throws: the duration was sent; its exception propagates; neither success nor error is
     * sent.</li>
     * </ul>
     */
    public <T, E extends Exception> T trackMetricsOf(Function<? super T, AiMetrics> extractor, ModelCall<T, E> call)
            throws E {
        T result;
        try {
            result = trackDurationOf(call);
        } catch (Throwable failure) {
            trackError();
            throw failure;
        }
        AiMetrics metrics = Objects.requireNonNull(extractor.apply(result), "the metrics extractor returned null");
        if (metrics.success()) {
            trackSuccess();
        } else {
            trackError();
        }
        if (metrics.tokens() != null) {
            trackTokens(metrics.tokens());
        }
        if (!metrics.toolCalls().isEmpty()) {
            trackToolCalls(metrics.toolCalls());
        }
        return result;
    }

    /** What this tracker has recorded so far. */
    public synchronized AiMetricSummary summary() {
        return new AiMetricSummary(Optional.ofNullable(success), Optional.ofNullable(tokens), toolCalls,
                durationMs == null ? OptionalLong.empty() : OptionalLong.of(durationMs),
                timeToFirstTokenMs == null ? OptionalLong.empty() : OptionalLong.of(timeToFirstTokenMs),
                Optional.ofNullable(feedback), resumptionToken());
    }

    private void send(String eventKey, LDValue eventData, double value) {
        client.trackMetric(eventKey, context, eventData, value);
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public String toString() {
        return "AiConfigTracker" + trackData().toJsonString();
    }
}
