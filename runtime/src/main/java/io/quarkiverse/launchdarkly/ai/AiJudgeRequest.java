package io.quarkiverse.launchdarkly.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.launchdarkly.sdk.LDValue;

/**
 * What a judge asks its model.
 *
 * @param judge the judge config (model, provider, parameters)
 * @param messages the judge's messages, with {@code {{message_history}}} and {@code {{response_to_evaluate}}} replaced
 *        by the graded input and output
 * @param input {@code "MESSAGE HISTORY:\n<input>\n\nRESPONSE TO EVALUATE:\n<output>"}, the text the model grades
 * @param outputSchema the JSON schema of the structured answer, {@link AiJudge#OUTPUT_SCHEMA}
 */
public record AiJudgeRequest(AiJudgeConfig judge, List<AiMessage> messages, String input, LDValue outputSchema) {

    public AiJudgeRequest {
        Objects.requireNonNull(judge, "judge");
        messages = List.copyOf(messages);
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outputSchema, "outputSchema");
    }

    /** The judge's messages followed by {@link #input()} as a user message: what a chat model is usually sent. */
    public List<AiMessage> conversation() {
        List<AiMessage> all = new ArrayList<>(messages);
        all.add(AiMessage.user(input));
        return List.copyOf(all);
    }
}
