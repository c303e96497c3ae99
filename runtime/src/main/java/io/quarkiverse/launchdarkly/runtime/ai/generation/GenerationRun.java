package io.quarkiverse.launchdarkly.runtime.ai.generation;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.launchdarkly.ai.AiConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDisabledException;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import io.quarkiverse.launchdarkly.runtime.calls.CallObserver;
import io.quarkiverse.launchdarkly.runtime.calls.ResultKind;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;

/**
 * One execution of an {@code @AiGeneration} method: its config, its tracker (a new run id), and what it records. The order
 * of the events is that of {@link AiConfigTracker#trackMetricsOf}: duration, then success or error, then tokens, then
 * tool calls; a stream sends its time to first token when the first chunk arrives.
 * <p>
 * Nothing here throws: a failing extractor or tracker is counted and logged by {@link TrackingFailures}. When the
 * extractor fails on a result the method returned, the run is still a success (the model answered), without tokens.
 */
final class GenerationRun implements CallObserver {

    private final GenerationPlan plan;
    private final AiConfig config;
    private final AiConfigTracker tracker;
    private final AiMetricsExtractor<Object> extractor;
    private final TrackingFailures failures;

    // Stream state, touched by one subscriber at a time (reactive streams signal serially).
    private AiTokenUsage streamTokens;
    private final List<String> streamToolCalls = new ArrayList<>();
    private boolean streamReportedFailure;
    private boolean firstChunkSeen;
    /** Set by the first termination: a late signal records nothing more. */
    private boolean ended;

    /** The judges that grade a successful answer; {@code null} when none will. */
    private final Grading grading;
    /** A graded stream's text so far; {@code null} unless the answer of a stream will be graded. */
    private final StringBuilder streamText;

    /** Why there is no config ({@code null} when there is one). */
    private final AiConfigDisabledException.Reason missingConfig;

    GenerationRun(GenerationPlan plan, AiConfig config, AiMetricsExtractor<Object> extractor,
            TrackingFailures failures, Grading grading) {
        this(plan, config, extractor, failures, null, grading);
    }

    /** A run without config: the method does not run, the fallback answers with a null config and tracker. */
    static GenerationRun withoutConfig(GenerationPlan plan, AiConfigDisabledException.Reason why,
            TrackingFailures failures) {
        return new GenerationRun(plan, null, null, failures, why, null);
    }

    private GenerationRun(GenerationPlan plan, AiConfig config, AiMetricsExtractor<Object> extractor,
            TrackingFailures failures, AiConfigDisabledException.Reason missingConfig, Grading grading) {
        this.missingConfig = missingConfig;
        this.grading = grading;
        this.streamText = grading != null && plan.resultKind() == ResultKind.MULTI ? new StringBuilder() : null;
        this.plan = plan;
        this.config = config;
        this.tracker = config == null ? null : config.createTracker();
        this.extractor = extractor;
        this.failures = failures;
    }

    /** Whether the method may run: there is a config and it is enabled. */
    boolean enabled() {
        return config != null && config.enabled();
    }

    /** Why the method may not run (only meaningful when {@link #enabled()} is false). */
    AiConfigDisabledException.Reason reason() {
        return config == null ? missingConfig : AiConfigDisabledException.Reason.DISABLED;
    }

    /** Puts the config and the tracker into the arguments, where the method declares parameters for them. */
    void fill(Object[] args) {
        if (plan.configParameter() >= 0) {
            args[plan.configParameter()] = config;
        }
        if (plan.trackerParameter() >= 0) {
            args[plan.trackerParameter()] = tracker;
        }
    }

    /**
     * A new run of the same call with the same config and a new tracker (a new run id): a {@code Uni} or {@code Multi}
     * subscribed again, by a {@code retry()} for one, runs the model again.
     */
    GenerationRun again() {
        return new GenerationRun(plan, config, extractor, failures, grading);
    }

    /** The method (or its asynchronous result) failed: duration, error, and for a stream the usage seen so far. */
    @Override
    public void failed(Throwable failure, long durationNanos) {
        ended(durationNanos, Boolean.FALSE);
    }

    /**
     * The method returned this result, its asynchronous result completed with it, or its stream completed (then the
     * result is null and the chunks were already read): duration, success (error if the answer says so), tokens,
     * tool calls.
     */
    @Override
    public void succeeded(Object result, long durationNanos) {
        if (plan.resultKind() == ResultKind.MULTI) {
            ended(durationNanos, streamReportedFailure ? Boolean.FALSE : Boolean.TRUE);
            return;
        }
        if (!end()) {
            return;
        }
        try {
            tracker.trackDuration(millis(durationNanos));
            AiMetrics metrics = result == null ? null : extract(result);
            boolean success = metrics == null || metrics.success();
            if (success) {
                tracker.trackSuccess();
            } else {
                tracker.trackError();
            }
            if (metrics != null) {
                sendUsage(metrics.tokens(), metrics.toolCalls());
            }
            if (success && grading != null) {
                grading.grade(tracker, text(result));
            }
        } catch (RuntimeException e) {
            failures.trackingError(plan.method() + " @AiGeneration", e);
        }
    }

    /** A chunk of a stream arrived; the first one sends the time to first token. */
    @Override
    public synchronized void item(Object chunk, long sinceSubscriptionNanos) {
        if (ended) {
            return;
        }
        try {
            if (!firstChunkSeen) {
                firstChunkSeen = true;
                tracker.trackTimeToFirstToken(millis(sinceSubscriptionNanos));
            }
            if (streamText != null && chunk != null) {
                String text = text(chunk);
                if (text != null) {
                    streamText.append(text);
                }
            }
            AiMetrics metrics = chunk == null ? null : extract(chunk);
            if (metrics != null) {
                // Providers report usage on the final (or a dedicated usage) chunk; the last report wins.
                if (metrics.tokens() != null) {
                    streamTokens = metrics.tokens();
                }
                streamToolCalls.addAll(metrics.toolCalls());
                streamReportedFailure |= !metrics.success();
            }
        } catch (RuntimeException e) {
            failures.trackingError(plan.method() + " @AiGeneration", e);
        }
    }

    /**
     * The caller cancelled before the end: the generation neither succeeded nor failed, so only the duration (and for
     * a stream the tokens and tool calls reported so far) are sent, and the run keeps no outcome.
     */
    @Override
    public void cancelled(long durationNanos) {
        ended(durationNanos, null);
    }

    private synchronized void ended(long durationNanos, Boolean success) {
        if (!end()) {
            return;
        }
        try {
            tracker.trackDuration(millis(durationNanos));
            if (Boolean.TRUE.equals(success)) {
                tracker.trackSuccess();
            } else if (Boolean.FALSE.equals(success)) {
                tracker.trackError();
            }
            sendUsage(streamTokens, streamToolCalls);
            if (Boolean.TRUE.equals(success) && streamText != null) {
                grading.grade(tracker, streamText.toString());
            }
        } catch (RuntimeException e) {
            failures.trackingError(plan.method() + " @AiGeneration", e);
        }
    }

    /** The answer's text: a {@code String} itself, else what the extractor reads. */
    private String text(Object answer) {
        if (answer instanceof String text) {
            return text;
        }
        if (extractor == null) {
            return null;
        }
        try {
            return extractor.text(answer);
        } catch (RuntimeException e) {
            failures.trackingError(plan.method() + " @AiGeneration", e);
            return null;
        }
    }

    /** Claims the end of the run; false when it already ended (a second subscription, a late signal). */
    private synchronized boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }

    private void sendUsage(AiTokenUsage tokens, List<String> toolCalls) {
        if (tokens != null) {
            tracker.trackTokens(tokens);
        }
        if (!toolCalls.isEmpty()) {
            tracker.trackToolCalls(List.copyOf(toolCalls));
        }
    }

    private AiMetrics extract(Object result) {
        if (extractor == null) {
            return null;
        }
        try {
            AiMetrics metrics = extractor.extract(result);
            if (metrics == null) {
                throw new IllegalStateException("the extractor " + extractor.getClass().getName() + " returned null");
            }
            return metrics;
        } catch (RuntimeException e) {
            failures.trackingError(plan.method() + " @AiGeneration", e);
            return null;
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
