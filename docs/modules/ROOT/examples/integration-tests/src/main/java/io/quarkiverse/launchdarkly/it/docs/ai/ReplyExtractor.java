package io.quarkiverse.launchdarkly.it.docs.ai;

// tag::extractor[]
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

@ApplicationScoped
public class ReplyExtractor implements AiMetricsExtractor<Reply> {

    @Override
    public AiMetrics extract(Reply reply) {
        return new AiMetrics(reply.finishedNormally(), AiTokenUsage.of(reply.inputTokens(), reply.outputTokens()),
                reply.toolNames());
    }

    @Override
    public Class<Reply> responseType() {
        return Reply.class;
    }
}
// end::extractor[]
