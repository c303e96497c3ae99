package io.quarkiverse.launchdarkly.runtime.ai.extractors;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;

/**
 * Metrics of a LangChain4j {@link ChatResponse} ({@code dev.langchain4j:langchain4j-core}): always a success;
 * tokens from {@code tokenUsage()} (total, input, output counts; none when absent, a missing total being input +
 * output); tool calls are the names of {@code aiMessage().toolExecutionRequests()}.
 * <p>
 * The only class of the extension that references LangChain4j; active only when LangChain4j is on the classpath.
 */
public class LangChain4jChatResponseExtractor implements AiMetricsExtractor<ChatResponse> {

    @Override
    public AiMetrics extract(ChatResponse response) {
        if (response == null) {
            return AiMetrics.succeeded();
        }
        TokenUsage usage = response.tokenUsage();
        AiMetrics metrics = AiMetrics.succeeded(usage == null ? null
                : Tokens.of(usage.totalTokenCount(), usage.inputTokenCount(), usage.outputTokenCount()));
        return metrics.withToolCalls(toolCalls(response.aiMessage()));
    }

    private static List<String> toolCalls(AiMessage message) {
        List<String> names = new ArrayList<>();
        if (message != null && message.toolExecutionRequests() != null) {
            for (ToolExecutionRequest request : message.toolExecutionRequests()) {
                if (request != null && request.name() != null) {
                    names.add(request.name());
                }
            }
        }
        return names;
    }

    @Override
    public String text(ChatResponse response) {
        return response == null || response.aiMessage() == null ? null : response.aiMessage().text();
    }

    @Override
    public Class<ChatResponse> responseType() {
        return ChatResponse.class;
    }
}
