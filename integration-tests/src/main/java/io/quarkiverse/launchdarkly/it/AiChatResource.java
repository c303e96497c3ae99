package io.quarkiverse.launchdarkly.it;

// tag::imports[]
import java.util.Map;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.launchdarkly.ai.AiFeedbackKind;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.smallrye.mutiny.Multi;

// end::imports[]

/**
 * The support desk's AI chat over HTTP. The customer is named by the {@code X-Customer} and {@code X-Customer-Tier}
 * headers, read by {@link CustomerContextResolver} for the chat and here for the feedback. No tracking code for the
 * chat: {@link SupportChat}'s {@code @AiGeneration} methods send the AI Config events.
 */
@Path("/ai/chat")
@Consumes(MediaType.APPLICATION_JSON)
public class AiChatResource {

    /** A customer's question, and what it is about (the {@code {{topic}}} of the config's prompt). */
    public record ChatRequest(String topic, String question) {
    }

    /** The customer's verdict on an answer, with the answer's {@code feedbackToken}. */
    public record FeedbackRequest(String token, Boolean positive) {
    }

    private final SupportChat chat;
    private final LaunchDarklyAi ai;

    AiChatResource(SupportChat chat, LaunchDarklyAi ai) {
        this.chat = chat;
        this.ai = ai;
    }

    /** Answers in one piece, with the model, the variation and a token for feedback. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public ChatReply answer(ChatRequest request) {
        String question = question(request);
        return chat.answer(topic(request), question, null, null);
    }

    /**
     * Streams the answer as plain text, word by word. Returning the mapped stream keeps the subscription with the
     * client: the model runs, and the extension's clock starts, when the response subscribes.
     */
    @POST
    @Path("/stream")
    @Produces(MediaType.TEXT_PLAIN)
    public Multi<String> stream(ChatRequest request) {
        String question = question(request);
        return chat.streamAnswer(topic(request), question, null)
                .map(ReplyChunk::text)
                .filter(text -> !text.isEmpty());
    }

    /**
     * Records the customer's feedback on an earlier answer: the token names its run, so LaunchDarkly counts the
     * feedback for the variation that answered. 204, or 400 when the token is missing or not one.
     */
    // tag::feedback[]
    @POST
    @Path("/feedback")
    public Response feedback(FeedbackRequest request, @HeaderParam("X-Customer") String customer,
            @HeaderParam("X-Customer-Tier") String tier) {
        if (request == null || request.token() == null || request.token().isBlank()) {
            throw badRequest("The feedback needs the feedbackToken of the answer it rates");
        }
        if (request.positive() == null) {
            throw badRequest("Say whether the answer helped: \"positive\": true or false");
        }
        AiFeedbackKind kind = request.positive() ? AiFeedbackKind.POSITIVE : AiFeedbackKind.NEGATIVE;
        try {
            ai.trackFeedback(request.token(), Customers.context(customer, tier), kind);
        } catch (IllegalArgumentException e) {
            throw badRequest("The token is not a feedbackToken of the chat");
        }
        return Response.noContent().build();
    }
    // end::feedback[]

    /** The model cannot read a question this long: the customer has to shorten it, so 422. */
    @ServerExceptionMapper
    Response promptTooLong(PromptTooLongException e) {
        return Response.status(422).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
    }

    /** Called after {@link #question}, which refuses a missing body. */
    private static String topic(ChatRequest request) {
        return request.topic() == null || request.topic().isBlank() ? "general" : request.topic();
    }

    private static String question(ChatRequest request) {
        if (request == null || request.question() == null || request.question().isBlank()) {
            throw badRequest("Ask a question");
        }
        return request.question();
    }

    private static BadRequestException badRequest(String message) {
        return new BadRequestException(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build());
    }
}
