package io.quarkiverse.launchdarkly.it;

import java.util.List;

/**
 * What {@link LocalSupportModel} answers in one call, shaped like a provider's response: the text, the token usage it
 * reports, and the tools it called on the way.
 *
 * @param model the model that answered
 * @param text the answer
 * @param inputTokens tokens of the prompt (the config's messages and the question)
 * @param outputTokens tokens of the answer
 * @param toolCalls the tools the model called, in order
 */
public record ModelReply(String model, String text, int inputTokens, int outputTokens, List<String> toolCalls) {

    public ModelReply {
        toolCalls = List.copyOf(toolCalls);
    }
}
