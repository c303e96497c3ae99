package io.quarkiverse.launchdarkly.langchain4j.runtime;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfiguration;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import io.quarkiverse.launchdarkly.runtime.ai.JudgeDispatcher;
import io.quarkiverse.launchdarkly.runtime.ai.extractors.LangChain4jChatResponseExtractor;
import io.quarkiverse.launchdarkly.runtime.calls.CallObserver;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;

/**
 * One execution of an AI service method bound to an AI Config (one run, one tracker): rewrites each model request
 * of the execution, adds up what each model response reports, and sends the run's events when the execution ends, in
 * the order of {@link AiConfigTracker#trackMetricsOf}: duration, success or error, tokens, tool calls; a stream sends
 * its time to first token at its first item. A successful execution's first request (its system and user messages)
 * and last answer go to the judges its variation lists, which grade it in the background.
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
    private final JudgeDispatcher judges;
    private final AiJudgeConfiguration judgeConfiguration;
    private final ProviderModels providerModels;
    private final ChatModel providerChatModel;
    private final StreamingChatModel providerStreamingModel;

    // Model responses of one execution may arrive on several threads (a stream's callbacks, tool loops).
    private long totalTokens;
    private long inputTokens;
    private long outputTokens;
    private final List<String> toolCalls = new ArrayList<>();
    private boolean firstItemSeen;
    private boolean ended;
    private String gradedInput;
    private String lastAnswer;

    ServiceCall(ServiceMethod method, AiConfig config, TrackingFailures failures, JudgeDispatcher judges,
            ProviderModels providerModels) {
        this.method = method;
        this.providerModels = providerModels;
        this.providerChatModel = providerModels.chatModel(config);
        this.providerStreamingModel = providerModels.streamingChatModel(config);
        this.config = config;
        this.request = VariationRequest.of(config);
        this.tracker = config.createTracker();
        this.failures = failures;
        this.judgeConfiguration = judges != null && judges.active() ? judgeConfiguration(config) : null;
        this.judges = judgeConfiguration != null ? judges : null;
    }

    private static AiJudgeConfiguration judgeConfiguration(AiConfig config) {
        AiJudgeConfiguration configuration = null;
        if (config instanceof AiCompletionConfig completion) {
            configuration = completion.judgeConfiguration().orElse(null);
        } else if (config instanceof AiAgentConfig agent) {
            configuration = agent.judgeConfiguration().orElse(null);
        }
        return configuration == null || configuration.judges().isEmpty() ? null : configuration;
    }

    /** The same config for a later subscription of the method's stream: a new run. */
    ServiceCall again() {
        return new ServiceCall(method, config, failures, judges, providerModels);
    }

    AiConfigTracker tracker() {
        return tracker;
    }

    /** The model that answers this call: the one mapped to the variation's provider, else the service's. */
    ChatModel chatModel(ChatModel serviceModel) {
        return providerChatModel != null ? providerChatModel : serviceModel;
    }

    /** The streaming model that answers this call: the one mapped to the variation's provider, else the service's. */
    StreamingChatModel streamingChatModel(StreamingChatModel serviceModel) {
        return providerStreamingModel != null ? providerStreamingModel : serviceModel;
    }

    ChatRequest rewrite(ChatRequest chatRequest) {
        ChatRequest rewritten = request.apply(chatRequest);
        if (judges != null) {
            synchronized (this) {
                if (gradedInput == null) {
                    gradedInput = gradedInput(rewritten.messages());
                }
            }
        }
        return rewritten;
    }

    /** What the judges are told the model was asked: the system and user messages, one {@code role: text} line each. */
    private static String gradedInput(List<ChatMessage> messages) {
        StringBuilder input = new StringBuilder();
        for (ChatMessage message : messages) {
            String line = null;
            if (message instanceof SystemMessage system) {
                line = "system: " + system.text();
            } else if (message instanceof UserMessage user && user.hasSingleText()) {
                line = "user: " + user.singleText();
            }
            if (line != null) {
                input.append(input.isEmpty() ? "" : "\n").append(line);
            }
        }
        return input.toString();
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
            if (response.aiMessage() != null && response.aiMessage().text() != null) {
                lastAnswer = response.aiMessage().text();
            }
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
        String input;
        String answer;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            usage = totalTokens + inputTokens + outputTokens > 0
                    ? new AiTokenUsage(totalTokens, inputTokens, outputTokens)
                    : null;
            tools = List.copyOf(toolCalls);
            input = gradedInput;
            answer = lastAnswer;
        }
        track(() -> {
            tracker.trackDuration(durationNanos / 1_000_000);
            tracker.trackSuccess();
            if (usage != null) {
                tracker.trackTokens(usage);
            }
            tracker.trackToolCalls(tools);
        });
        if (judges != null && input != null && answer != null && !answer.isBlank()) {
            // Returns at once and never throws: the judges run on their own threads.
            judges.dispatch(input, answer, tracker, judgeConfiguration);
        }
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
