package io.quarkiverse.launchdarkly.it;

import java.util.List;

/**
 * The support chat's answer to a customer, as {@code POST /ai/chat} returns it.
 *
 * @param answer the text shown to the customer
 * @param model the model that answered, {@code null} for the canned answer
 * @param variation the AI Config variation that decided it, {@code null} when no config was evaluated (no customer)
 * @param canned whether this is the canned answer given when the AI Config is disabled for the customer
 * @param toolCalls the tools the model called
 * @param inputTokens prompt tokens, 0 for the canned answer
 * @param outputTokens answer tokens, 0 for the canned answer
 * @param feedbackToken hands the run back with the customer's feedback ({@code POST /ai/chat/feedback}); {@code null}
 *        for the canned answer, which no model wrote
 */
public record ChatReply(String answer, String model, String variation, boolean canned, List<String> toolCalls,
        int inputTokens, int outputTokens, String feedbackToken) {

    public ChatReply {
        toolCalls = List.copyOf(toolCalls);
    }

    static ChatReply fromModel(ModelReply reply, String variation, String feedbackToken) {
        return new ChatReply(reply.text(), reply.model(), variation, false, reply.toolCalls(), reply.inputTokens(),
                reply.outputTokens(), feedbackToken);
    }

    static ChatReply canned(String answer, String variation) {
        return new ChatReply(answer, null, variation, true, List.of(), 0, 0, null);
    }
}
