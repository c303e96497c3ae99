package io.quarkiverse.launchdarkly.runtime.ai.extractors;

import java.util.ArrayList;
import java.util.List;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.completions.CompletionUsage;

import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

/**
 * Metrics of an OpenAI {@link ChatCompletion} ({@code com.openai:openai-java}): always a success; tokens from
 * {@code usage}: {@code total_tokens}, {@code prompt_tokens}, {@code completion_tokens} (none when absent); tool
 * calls are the function names of the first choice's message {@code tool_calls}.
 * <p>
 * Reads fields through {@code _field().asKnown()}, so a field absent from the response is skipped instead of
 * throwing as the SDK's required-field accessors do. The only class of the extension that references the OpenAI
 * SDK; active only when that SDK is on the classpath.
 */
public class OpenAiChatCompletionExtractor implements AiMetricsExtractor<ChatCompletion> {

    @Override
    public AiMetrics extract(ChatCompletion response) {
        if (response == null) {
            return AiMetrics.succeeded();
        }
        AiTokenUsage tokens = response._usage().asKnown().map(OpenAiChatCompletionExtractor::tokens).orElse(null);
        return AiMetrics.succeeded(tokens).withToolCalls(toolCalls(response));
    }

    private static AiTokenUsage tokens(CompletionUsage usage) {
        return Tokens.of(usage._totalTokens().asKnown().orElse(null), usage._promptTokens().asKnown().orElse(null),
                usage._completionTokens().asKnown().orElse(null));
    }

    private static List<String> toolCalls(ChatCompletion response) {
        List<String> names = new ArrayList<>();
        List<ChatCompletion.Choice> choices = response._choices().asKnown().orElse(List.of());
        if (choices.isEmpty()) {
            return names;
        }
        ChatCompletionMessage message = choices.get(0)._message().asKnown().orElse(null);
        if (message == null) {
            return names;
        }
        for (ChatCompletionMessageToolCall call : message._toolCalls().asKnown().orElse(List.of())) {
            call._function().asKnown().flatMap(function -> function._name().asKnown()).ifPresent(names::add);
        }
        return names;
    }

    @Override
    public Class<ChatCompletion> responseType() {
        return ChatCompletion.class;
    }
}
