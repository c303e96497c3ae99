package io.quarkiverse.launchdarkly.it;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

/**
 * Reads the chunks of {@link SupportChat#streamAnswer}: the extension applies it to every chunk of a stream whose
 * element type is {@link ReplyChunk}, and keeps the tokens of the last chunk that reports some.
 */
@ApplicationScoped
public class ReplyChunkExtractor implements AiMetricsExtractor<ReplyChunk> {

    @Override
    public AiMetrics extract(ReplyChunk chunk) {
        // Text chunks report no usage: null tokens, so that they cannot be taken for a report of zero tokens.
        AiTokenUsage tokens = chunk.reportsUsage() ? AiTokenUsage.of(chunk.inputTokens(), chunk.outputTokens()) : null;
        return new AiMetrics(true, tokens, chunk.toolCalls());
    }

    /** A chunk's words: the judges grade the whole streamed answer, put back together from them. */
    @Override
    public String text(ReplyChunk chunk) {
        return chunk.text();
    }

    @Override
    public Class<ReplyChunk> responseType() {
        return ReplyChunk.class;
    }
}
