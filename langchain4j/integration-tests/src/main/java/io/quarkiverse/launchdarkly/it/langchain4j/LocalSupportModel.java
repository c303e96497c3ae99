package io.quarkiverse.launchdarkly.it.langchain4j;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/**
 * A deterministic local chat model, the application's only one (no network, no key): it answers by repeating what it
 * was asked, counts a word as a token, and records every request so that the tests and {@code GET /agent/requests}
 * show what the AI Config made of it. Asked for a JSON schema answer (a judge), it grades every answer 0.9.
 */
@ApplicationScoped
public class LocalSupportModel implements ChatModel {

    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        String text;
        if (request.parameters().responseFormat() != null
                && request.parameters().responseFormat().type() == ResponseFormatType.JSON) {
            text = "{\"score\": 0.9, \"reasoning\": \"The answer addresses the question.\"}";
        } else {
            text = "(" + request.parameters().modelName() + ") You asked: " + lastUserText(request.messages());
        }
        int input = request.messages().stream().mapToInt(message -> words(text(message))).sum();
        int output = words(text);
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).modelName(request.parameters().modelName())
                .tokenUsage(new TokenUsage(input, output)).build();
    }

    /** The requests received so far, oldest first. */
    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    public void clear() {
        requests.clear();
    }

    static String text(ChatMessage message) {
        if (message instanceof SystemMessage system) {
            return system.text();
        }
        if (message instanceof UserMessage user && user.hasSingleText()) {
            return user.singleText();
        }
        if (message instanceof AiMessage ai && ai.text() != null) {
            return ai.text();
        }
        return "";
    }

    private static String lastUserText(List<ChatMessage> messages) {
        return messages.stream().filter(UserMessage.class::isInstance).map(LocalSupportModel::text)
                .reduce((first, second) -> second).orElse("");
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    /** How an AI service gets this bean as its model ({@code @RegisterAiService(chatLanguageModelSupplier)}). */
    public static class Supply implements Supplier<ChatModel> {
        @Override
        public ChatModel get() {
            return CDI.current().select(LocalSupportModel.class).get();
        }
    }

    /** One request as {@code GET /agent/requests} shows it. */
    public static String describe(ChatRequest request) {
        return request.parameters().modelName() + " t=" + request.parameters().temperature() + " max="
                + request.parameters().maxOutputTokens() + " | " + request.messages().stream()
                        .map(m -> m.type().name().toLowerCase() + ": " + text(m)).collect(Collectors.joining(" | "));
    }
}
