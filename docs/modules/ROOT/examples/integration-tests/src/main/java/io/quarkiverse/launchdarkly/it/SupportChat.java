package io.quarkiverse.launchdarkly.it;

// tag::imports[]
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiModel;
import io.quarkiverse.launchdarkly.ai.AiVariable;
import io.smallrye.mutiny.Multi;

// end::imports[]

/**
 * The support desk's AI chat. The AI Config {@code support-desk.chat} chooses, per customer, the model and the prompt;
 * {@code @AiGeneration} evaluates it for the customer of the request (found by {@link CustomerContextResolver}) and
 * records each run for LaunchDarkly's AI Config monitoring, so the methods only call the model. Callers pass
 * {@code null} for the config and tracker parameters: the extension fills them in.
 */
@ApplicationScoped
public class SupportChat {

    static final String CONFIG = "support-desk.chat";
    static final String CANNED_ANSWER = "Thanks for your message. An agent will answer it by email within one business"
            + " day.";

    private final LocalSupportModel model;

    SupportChat(LocalSupportModel model) {
        this.model = model;
    }

    /**
     * Answers with the model and prompt of the customer's variation. The extension records the duration, success or
     * error, and (through {@link ChatReplyExtractor}) the tokens and tool calls of the reply. The reply carries the run's
     * resumption token, so that the customer's feedback, given in a later request, joins this run.
     */
    // tag::answer[]
    @AiGeneration(config = CONFIG, fallback = "cannedAnswer")
    public ChatReply answer(@AiVariable("topic") String topic, String question, AiCompletionConfig config,
            AiConfigTracker tracker) {
        ModelReply reply = model.complete(modelOf(config), config.messages(), question);
        return ChatReply.fromModel(reply, config.variationKey(), tracker.resumptionToken());
    }
    // end::answer[]

    /**
     * Answers when the config is disabled for the customer (the trial plan), or when no customer is known, in which
     * case the config was not evaluated and is {@code null}. No model runs, so the extension sends only the config's
     * usage event, and the reply has no feedback token: no model wrote it, so there is no generation to rate.
     */
    // tag::fallback[]
    ChatReply cannedAnswer(String topic, String question, AiCompletionConfig config, AiConfigTracker tracker) {
        return ChatReply.canned(CANNED_ANSWER, config == null ? null : config.variationKey());
    }
    // end::fallback[]

    /**
     * Streams the answer word by word. The extension observes the stream it returns: time to first token at the first
     * chunk, then at the end the duration, success or error, and the tokens and tool calls of the usage chunk (read by
     * {@link ReplyChunkExtractor}).
     */
    // tag::stream[]
    @AiGeneration(config = CONFIG, fallback = "cannedStream")
    public Multi<ReplyChunk> streamAnswer(@AiVariable("topic") String topic, String question,
            AiCompletionConfig config) {
        return model.stream(modelOf(config), config.messages(), question);
    }
    // end::stream[]

    /** The canned answer as a one-chunk stream, for the same customers as {@link #cannedAnswer}. */
    Multi<ReplyChunk> cannedStream(String topic, String question, AiCompletionConfig config) {
        return Multi.createFrom().item(ReplyChunk.text(CANNED_ANSWER));
    }

    /** A variation that names no model gets the small one. */
    private static String modelOf(AiCompletionConfig config) {
        return config.model().map(AiModel::name).orElse(LocalSupportModel.SMALL);
    }
}
