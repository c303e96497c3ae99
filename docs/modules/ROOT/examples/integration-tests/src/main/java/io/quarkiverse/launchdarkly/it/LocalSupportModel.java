package io.quarkiverse.launchdarkly.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.ai.AiMessage;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A stand-in for a hosted language model, so that the demo and its tests run offline and give the same answer, token
 * counts and tool calls every time. It knows the two models the {@code support-desk.chat} AI Config names; the large
 * one adds an offer to call back and reads longer prompts.
 * <p>
 * A token is a word here (text split on white space): real tokenizers differ, but tests need counts they can work
 * out by hand. The input tokens are those of the config's messages plus the question, the output tokens those of the
 * answer. A question that mentions a ticket makes the model call the {@value #LOOKUP_TICKET} tool first.
 */
@ApplicationScoped
public class LocalSupportModel {

    public static final String SMALL = "local-support-small";
    public static final String LARGE = "local-support-large";
    public static final String LOOKUP_TICKET = "lookup_ticket";

    /** Stands in for the model's latency, so that the demo's generation durations are not all zero. */
    static final long THINKING_MILLIS = 20;
    /** A streamed answer's first word comes after this; the time to first token is at least that. */
    static final long FIRST_TOKEN_MILLIS = 30;
    static final long NEXT_TOKEN_MILLIS = 5;

    /** The largest prompt (in tokens) each model reads. */
    private static final Map<String, Integer> CONTEXT_WINDOWS = Map.of(SMALL, 60, LARGE, 200);
    private static final Pattern MENTIONS_A_TICKET = Pattern.compile("\\btickets?\\b|#\\d+", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    /**
     * Answers the question with the prompt of an AI Config.
     *
     * @throws IllegalArgumentException when the model is not one of {@link #SMALL} and {@link #LARGE}
     * @throws PromptTooLongException when the prompt does not fit in the model's context window
     */
    public ModelReply complete(String model, List<AiMessage> prompt, String question) {
        ModelReply reply = generate(model, prompt, question);
        try {
            Thread.sleep(THINKING_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return reply;
    }

    /**
     * The same answer as {@link #complete}, streamed word by word, then a last chunk with the usage. The request is
     * checked when this is called (as a provider refuses it before streaming), the words are emitted on subscription.
     *
     * @throws IllegalArgumentException when the model is unknown
     * @throws PromptTooLongException when the prompt does not fit in the model's context window
     */
    public Multi<ReplyChunk> stream(String model, List<AiMessage> prompt, String question) {
        ModelReply reply = generate(model, prompt, question);
        List<ReplyChunk> chunks = new ArrayList<>();
        String[] words = WHITE_SPACE.split(reply.text());
        for (int i = 0; i < words.length; i++) {
            chunks.add(ReplyChunk.text(i == 0 ? words[i] : " " + words[i]));
        }
        chunks.add(ReplyChunk.usage(reply.inputTokens(), reply.outputTokens(), reply.toolCalls()));
        return Multi.createFrom().range(0, chunks.size())
                .onItem().transformToUniAndConcatenate(i -> Uni.createFrom().item(chunks.get(i))
                        .onItem().delayIt().by(Duration.ofMillis(i == 0 ? FIRST_TOKEN_MILLIS : NEXT_TOKEN_MILLIS)));
    }

    private static ModelReply generate(String model, List<AiMessage> prompt, String question) {
        Integer contextWindow = CONTEXT_WINDOWS.get(model);
        if (contextWindow == null) {
            throw new IllegalArgumentException("Unknown model '" + model + "'; this stand-in knows " + SMALL + " and "
                    + LARGE);
        }
        int inputTokens = tokens(question) + prompt.stream().mapToInt(message -> tokens(message.content())).sum();
        if (inputTokens > contextWindow) {
            throw new PromptTooLongException(model, inputTokens, contextWindow);
        }

        List<String> toolCalls = new ArrayList<>();
        StringBuilder answer = new StringBuilder();
        if (MENTIONS_A_TICKET.matcher(question).find()) {
            toolCalls.add(LOOKUP_TICKET);
            answer.append("I looked up your ticket: an agent is working on it. ");
        }
        answer.append("The help center has step-by-step instructions for this.");
        if (LARGE.equals(model)) {
            answer.append(" If they do not solve it, reply here and an engineer will call you back.");
        }
        String text = answer.toString();
        return new ModelReply(model, text, inputTokens, tokens(text), toolCalls);
    }

    /** Words stand in for tokens: easy to count by hand in a test. */
    static int tokens(String text) {
        String trimmed = text == null ? "" : text.trim();
        return trimmed.isEmpty() ? 0 : WHITE_SPACE.split(trimmed).length;
    }
}
