package io.quarkiverse.launchdarkly.it.docs.ai;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.ai.AiMessage;

/**
 * Stands for whatever calls a model in the docs' examples (LangChain4j, an OpenAI or Anthropic client, Bedrock):
 * deterministic, no network. It echoes the last message, counting words as tokens.
 */
@ApplicationScoped
public class ModelClient {

    public Reply chat(String model, List<AiMessage> messages) throws IOException {
        if (model.isBlank()) {
            throw new IOException("no model named");
        }
        String text = "Answer to: " + (messages.isEmpty() ? "" : messages.get(messages.size() - 1).content());
        long input = messages.stream().mapToLong(message -> words(message.content())).sum();
        long output = words(text);
        return new Reply(text, input, output, input + output, true, List.of());
    }

    public void stream(List<AiMessage> messages, Consumer<String> onToken) {
        String last = messages.isEmpty() ? "" : messages.get(messages.size() - 1).content();
        for (String word : ("Answer to: " + last).split(" ")) {
            onToken.accept(word);
        }
    }

    /** A judge model's score of an answer, between 0 and 1. */
    public double score(List<AiMessage> judgeMessages, String history, String answer) {
        return answer.isBlank() ? 0.0 : 0.9;
    }

    private static long words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
