package io.quarkiverse.launchdarkly.runtime.ai.extractors;

import java.util.ArrayList;
import java.util.List;

import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.Usage;

import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

/**
 * Metrics of an Anthropic {@link Message} ({@code com.anthropic:anthropic-java}): always a success; tokens from
 * {@code usage}: {@code input_tokens} and {@code output_tokens}, the total being their sum (Anthropic reports no
 * total; none when usage is absent); tool calls are the names of the {@code tool_use} content blocks, in order.
 * <p>
 * Reads fields through {@code _field().asKnown()}, so a field absent from the response is skipped instead of
 * throwing as the SDK's required-field accessors do. The only class of the extension that references the Anthropic
 * SDK; active only when that SDK is on the classpath.
 */
public class AnthropicMessageExtractor implements AiMetricsExtractor<Message> {

    @Override
    public AiMetrics extract(Message response) {
        if (response == null) {
            return AiMetrics.succeeded();
        }
        AiTokenUsage tokens = response._usage().asKnown().map(AnthropicMessageExtractor::tokens).orElse(null);
        List<String> names = new ArrayList<>();
        for (ContentBlock block : response._content().asKnown().<List<ContentBlock>> map(content -> content)
                .orElse(List.of())) {
            block.toolUse().flatMap(toolUse -> toolUse._name().asKnown()).ifPresent(names::add);
        }
        return AiMetrics.succeeded(tokens).withToolCalls(names);
    }

    private static AiTokenUsage tokens(Usage usage) {
        return Tokens.of(null, usage._inputTokens().asKnown().orElse(null),
                usage._outputTokens().asKnown().orElse(null));
    }

    @Override
    public Class<Message> responseType() {
        return Message.class;
    }
}
