package io.quarkiverse.launchdarkly.it;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

/**
 * Tells the extension what a {@link SupportChat#answer} run used: the build picks this bean for every
 * {@code @AiGeneration} method declared to return {@link ChatReply}.
 */
@ApplicationScoped
public class ChatReplyExtractor implements AiMetricsExtractor<ChatReply> {

    @Override
    public AiMetrics extract(ChatReply reply) {
        // A reply that reached the caller is a success; failures are exceptions, which the extension records itself.
        return new AiMetrics(true, AiTokenUsage.of(reply.inputTokens(), reply.outputTokens()), reply.toolCalls());
    }

    /** The answer the judges of the variation grade. */
    @Override
    public String text(ChatReply reply) {
        return reply.answer();
    }

    @Override
    public Class<ChatReply> responseType() {
        return ChatReply.class;
    }
}
