package io.quarkiverse.launchdarkly.ai;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.launchdarkly.sdk.LDValue;

/**
 * Records one AI run (one model call, one agent turn) for LaunchDarkly's AI Config monitoring. Each tracker has its
 * own {@code runId}, so get a new one with {@link AiConfig#createTracker()} for every run, and rebuild the same run
 * elsewhere with {@link LaunchDarklyAi#trackerFromResumptionToken}.
 * <p>
 * Duration, time to first token, the outcome (success or error share one slot), feedback (positive or negative share
 * one slot) and tokens (one slot for the three token events) are sent at most once per tracker: a repeated call sends
 * nothing and logs a warning, because LaunchDarkly would otherwise count the run twice. Tool calls and judge results
 * are sent on every call. Every event goes through {@code LDClientInterface.trackMetric} on the caller's context.
 * <p>
 * Bad arguments never break a tracker and are never half-sent: a null feedback kind, token usage or judge result, or a
 * null or blank tool key, sends nothing (and claims no slot). Only {@link #trackDurationOf} and
 * {@link #trackMetricsOf} reject a null call or extractor, before running anything.
 * <p>
 * Thread-safe.
 */
public interface AiConfigTracker {

    // The event keys a tracker sends, those LaunchDarkly's AI Config monitoring reads. Public so that what reads the
    // events back (the Dev UI, a test) names them from here rather than spelling them again.

    /** Sent by {@link #trackDuration}, with the milliseconds. */
    String DURATION = "$ld:ai:duration:total";
    /** Sent by {@link #trackTimeToFirstToken}, with the milliseconds. */
    String TIME_TO_FIRST_TOKEN = "$ld:ai:tokens:ttf";
    /** Sent by {@link #trackSuccess}. */
    String SUCCESS = "$ld:ai:generation:success";
    /** Sent by {@link #trackError}. */
    String ERROR = "$ld:ai:generation:error";
    /** Sent by {@link #trackFeedback} for {@link AiFeedbackKind#POSITIVE}. */
    String FEEDBACK_POSITIVE = "$ld:ai:feedback:user:positive";
    /** Sent by {@link #trackFeedback} for {@link AiFeedbackKind#NEGATIVE}. */
    String FEEDBACK_NEGATIVE = "$ld:ai:feedback:user:negative";
    /** Sent by {@link #trackTokens}, with the total count. */
    String TOKENS_TOTAL = "$ld:ai:tokens:total";
    /** Sent by {@link #trackTokens}, with the input (prompt) count. */
    String TOKENS_INPUT = "$ld:ai:tokens:input";
    /** Sent by {@link #trackTokens}, with the output (completion) count. */
    String TOKENS_OUTPUT = "$ld:ai:tokens:output";
    /** Sent by {@link #trackToolCall}, once per tool, with the tool's key in the data. */
    String TOOL_CALL = "$ld:ai:tool_call";

    /** This run's id, a UUIDv4 (or the id carried by the resumption token this tracker was rebuilt from). */
    String runId();

    /** The AI Config key. */
    String configKey();

    /** The {@code data} every event of this tracker carries. */
    LDValue trackData();

    /**
     * A token that rebuilds this run elsewhere (another request or process), so that feedback given later joins it.
     */
    String resumptionToken();

    /** Sends {@code $ld:ai:duration:total}, at most once. */
    void trackDuration(long milliseconds);

    /**
     * Sends {@code $ld:ai:tokens:ttf}, at most once. {@code @AiGeneration} methods returning a {@code Multi} record it
     * at the first item; elsewhere, measure it where the stream starts.
     */
    void trackTimeToFirstToken(long milliseconds);

    /** Sends {@code $ld:ai:generation:success} unless this run already has an outcome. */
    void trackSuccess();

    /** Sends {@code $ld:ai:generation:error} unless this run already has an outcome. */
    void trackError();

    /** Sends the user's feedback, at most once per run (positive and negative share the slot). */
    void trackFeedback(AiFeedbackKind kind);

    /**
     * Sends {@code $ld:ai:tokens:total}, {@code :input} and {@code :output}, in that order, each only when its count is
     * above zero. The three share one slot: a second call sends none of them.
     */
    void trackTokens(AiTokenUsage usage);

    /**
     * Sends {@code $ld:ai:tool_call} with {@code toolKey} in the data; every call counts. A null or blank key sends
     * nothing (logged at debug level, as the official Java SDK does).
     */
    void trackToolCall(String toolKey);

    /** One {@code $ld:ai:tool_call} per tool, in order; null or blank keys (and a null list) are skipped. */
    default void trackToolCalls(List<String> toolKeys) {
        if (toolKeys != null) {
            toolKeys.forEach(this::trackToolCall);
        }
    }

    /**
     * Sends a judge's score under its metric key, only when the result was sampled and successful and has a non-blank
     * metric key and a finite score; the data adds {@code judgeConfigKey} when not blank. Every call counts.
     */
    void trackJudgeResult(AiJudgeResult result);

    /**
     * Runs the call and sends its duration whether it returns or throws; never an error (use {@link #trackMetricsOf}
     * for that).
     */
    default <T, E extends Exception> T trackDurationOf(ModelCall<T, E> call) throws E {
        Objects.requireNonNull(call, "trackDurationOf: the call must not be null");
        long start = System.nanoTime();
        try {
            return call.call();
        } finally {
            trackDuration((System.nanoTime() - start) / 1_000_000);
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
    default <T, E extends Exception> T trackMetricsOf(Function<? super T, AiMetrics> extractor, ModelCall<T, E> call)
            throws E {
        // Checked before the call, so that a missing extractor cannot leave a run with a duration and no outcome.
        Objects.requireNonNull(extractor, "trackMetricsOf: the extractor must not be null");
        Objects.requireNonNull(call, "trackMetricsOf: the call must not be null");
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
    AiMetricSummary summary();
}
