package io.quarkiverse.launchdarkly.it;

import java.util.List;

/**
 * One chunk of a streamed answer. As with the streaming APIs of real providers, the text arrives in pieces and the
 * usage (tokens, tools called) only on a last chunk with no text, because it is known only once the answer is complete.
 *
 * @param text the next piece of the answer, {@code ""} on the usage chunk
 * @param inputTokens prompt tokens, 0 except on the usage chunk
 * @param outputTokens answer tokens, 0 except on the usage chunk
 * @param toolCalls the tools the model called, empty except on the usage chunk
 */
public record ReplyChunk(String text, int inputTokens, int outputTokens, List<String> toolCalls) {

    public ReplyChunk {
        toolCalls = List.copyOf(toolCalls);
    }

    static ReplyChunk text(String text) {
        return new ReplyChunk(text, 0, 0, List.of());
    }

    static ReplyChunk usage(int inputTokens, int outputTokens, List<String> toolCalls) {
        return new ReplyChunk("", inputTokens, outputTokens, toolCalls);
    }

    /** Whether this is the chunk that reports the usage. */
    public boolean reportsUsage() {
        return inputTokens > 0 || outputTokens > 0;
    }
}
