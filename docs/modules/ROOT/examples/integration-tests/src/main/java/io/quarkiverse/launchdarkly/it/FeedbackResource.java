package io.quarkiverse.launchdarkly.it;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Customers rate the support they got, from 0 to 100. Sends {@code user.satisfaction}, and
 * {@code user.negative_feedback} below 50, for the customer of the {@code X-Customer} header (found by
 * {@link CustomerContextResolver}, since this resource does not pass a context).
 */
@Path("/feedback")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    /** A score from 0 to 100, and what is rated (for example {@code ai-answer} or {@code agent-answer}). */
    public record Feedback(Integer score, String feedbackType) {
    }

    private final SatisfactionSurvey survey;

    FeedbackResource(SatisfactionSurvey survey) {
        this.survey = survey;
    }

    @POST
    public Response give(Feedback feedback) {
        // Validated here, not by a metric condition: an out-of-range score is the caller's mistake, not a value to drop.
        if (feedback == null || feedback.score() == null || feedback.score() < 0 || feedback.score() > 100) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Map.of("error", "The score is a number from 0 to 100")).build();
        }
        survey.record(feedback.score(), feedback.feedbackType());
        return Response.noContent().build();
    }
}
