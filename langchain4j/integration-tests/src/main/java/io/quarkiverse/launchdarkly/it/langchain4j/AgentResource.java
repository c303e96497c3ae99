package io.quarkiverse.launchdarkly.it.langchain4j;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.ai.AiFeedbackKind;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.langchain4j.AiServiceRuns;

/** The support agent over HTTP: ask it, rate its answer later, and see what the local model was asked. */
@Path("/agent")
public class AgentResource {

    @Inject
    SupportAgent agent;

    @Inject
    AiServiceRuns runs;

    @Inject
    LaunchDarklyAi ai;

    @Inject
    LocalSupportModel model;

    public record Question(String question) {
    }

    /** {@code feedbackToken} is null when no model answered (a fallback). */
    public record Answer(String answer, String feedbackToken) {
    }

    public record Rating(String token, boolean helpful) {
    }

    @POST
    @Path("/chat")
    public Answer chat(@HeaderParam("X-Customer") String customer, @HeaderParam("X-Tier") String tier,
            Question question) {
        if (question == null || question.question() == null || question.question().isBlank()) {
            throw new BadRequestException("Send {\"question\": \"...\"}");
        }
        String answer = agent.answer(customer(customer, tier), question.question());
        return new Answer(answer, runs.lastResumptionToken().orElse(null));
    }

    @POST
    @Path("/feedback")
    public void feedback(@HeaderParam("X-Customer") String customer, @HeaderParam("X-Tier") String tier,
            Rating rating) {
        if (rating == null || rating.token() == null) {
            throw new BadRequestException("Send {\"token\": \"...\", \"helpful\": true}");
        }
        ai.trackFeedback(rating.token(), customer(customer, tier),
                rating.helpful() ? AiFeedbackKind.POSITIVE : AiFeedbackKind.NEGATIVE);
    }

    @GET
    @Path("/requests")
    public List<String> requests() {
        return model.requests().stream().map(LocalSupportModel::describe).toList();
    }

    private static LDContext customer(String key, String tier) {
        if (key == null || key.isBlank()) {
            throw new BadRequestException("Send the X-Customer header");
        }
        return LDContext.builder(key).set("tier", tier == null || tier.isBlank() ? "free" : tier).build();
    }
}
