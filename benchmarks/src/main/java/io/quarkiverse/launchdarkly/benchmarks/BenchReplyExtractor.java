package io.quarkiverse.launchdarkly.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

/**
 * Reads the tokens of a {@link BenchReply}. The build picks it for {@link AnnotatedAssistant}; the hand-written
 * assistant hands the same bean to {@code trackMetricsOf}, so both read the result the same way.
 */
@ApplicationScoped
public class BenchReplyExtractor implements AiMetricsExtractor<BenchReply> {

    @Override
    public AiMetrics extract(BenchReply reply) {
        return AiMetrics.succeeded(AiTokenUsage.of(reply.inputTokens(), reply.outputTokens()));
    }

    /** The answer the judges grade, for the judged AI Config. */
    @Override
    public String text(BenchReply reply) {
        return reply.text();
    }

    @Override
    public Class<BenchReply> responseType() {
        return BenchReply.class;
    }
}
