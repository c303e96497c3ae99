package io.quarkiverse.launchdarkly.langchain4j.runtime;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.quarkiverse.launchdarkly.ai.AiConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import io.quarkiverse.launchdarkly.runtime.ai.extractors.LangChain4jChatResponseExtractor;
import io.quarkiverse.launchdarkly.runtime.calls.CallObserver;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;

/**
 * One execution of an AI service method bound to an AI Config (one run, one tracker): rewrites each model request
 * of the execution, adds up what each model response reports, and sends the run's events when the execution ends, in
 * the order of {@link AiConfigTracker#trackMetricsOf}: duration, success or error, tokens, tool calls; a stream sends
 * its time to first token at its first item.
 * <p>
 * Nothing here throws: a failing tracker is counted and logged by {@link TrackingFailures}.
 */
final class ServiceCall implements CallObserver {

    private static final LangChain4jChatResponseExtractor RESPONSES = new LangChain4jChatResponseExtractor();

    private final ServiceMethod method;
    private final AiConfig config;
    private final VariationRequest request;
    private final AiConfigTracker tracker;
    private final TrackingFailures failures;

    // Model responses of one execution may arrive on several threads (a stream's callbacks, tool loops).
    private long totalTokens;
    private long inputTokens;
    private long outputTokens;
    private final List<String> toolCalls = new ArrayList<>();
    private boolean firstItemSeen;
    private boolean ended;

    ServiceCall(ServiceMethod method, AiConfig config, TrackingFailures failures) {
        this.method = method;
        this.config = config;
        this.request = VariationRequest.of(config);
        this.tracker = config.createTracker();
        this.failures = failures;
    }

    /** The same config for a later subscription of the method's stream: a new run. */
    ServiceCall again() {
        return new ServiceCall(method, config, failures);
    }

    AiConfigTracker tracker() {
        return tracker;
    }

    ChatRequest rewrite(ChatRequest chatRequest) {
        return request.apply(chatRequest);
    }

    /** A model request of this execution answered. */
    void responded(ChatResponse response) {
        AiMetrics metrics;
        try {
            metrics = RESPONSES.extract(response);
        } catch (RuntimeException e) {
            failures.trackingError(method.name(), e);
            return;
        }
        synchronized (this) {
            AiTokenUsage usage = metrics.tokens();
            if (usage != null) {
                totalTokens += Math.max(0, usage.total());
                inputTokens += Math.max(0, usage.input());
                outputTokens += Math.max(0, usage.output());
            }
            toolCalls.addAll(metrics.toolCalls());
        }
    }

    @Override
    public void item(Object item, long sinceStartNanos) {
        synchronized (this) {
            if (firstItemSeen || ended) {
                return;
            }
            firstItemSeen = true;
        }
        track(() -> tracker.trackTimeToFirstToken(sinceStartNanos / 1_000_000));
    }

    @Override
    public void succeeded(Object result, long durationNanos) {
        AiTokenUsage usage;
        List<String> tools;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            usage = totalTokens + inputTokens + outputTokens > 0
                    ? new AiTokenUsage(totalTokens, inputTokens, outputTokens)
                    : null;
            tools = List.copyOf(toolCalls);
        }
        track(() -> {
            tracker.trackDuration(durationNanos / 1_000_000);
            tracker.trackSuccess();
            if (usage != null) {
                tracker.trackTokens(usage);
            }
            tracker.trackToolCalls(tools);
        });
    }

    @Override
    public void failed(Throwable failure, long durationNanos) {
        if (end()) {
            track(() -> {
                tracker.trackDuration(durationNanos / 1_000_000);
                tracker.trackError();
            });
        }
    }

    @Override
    public void cancelled(long durationNanos) {
        // Neither success nor error: the caller gave up, the model did not fail.
        if (end()) {
            track(() -> tracker.trackDuration(durationNanos / 1_000_000));
        }
    }

    private synchronized boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }

    private void track(Runnable events) {
        try {
            events.run();
        } catch (RuntimeException e) {
            failures.trackingError(method.name(), e);
        }
    }
}
