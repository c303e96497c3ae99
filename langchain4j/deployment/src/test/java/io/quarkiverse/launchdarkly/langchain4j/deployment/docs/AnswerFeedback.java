package io.quarkiverse.launchdarkly.langchain4j.deployment.docs;

// tag::feedback[]
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.ai.AiFeedbackKind;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.langchain4j.AiServiceRuns;

@ApplicationScoped
public class AnswerFeedback {

    @Inject
    SupportAgent agent;

    @Inject
    AiServiceRuns runs;

    @Inject
    LaunchDarklyAi ai;

    /** The answer, and the token to send the customer's rating of it with (empty for a fallback answer). */
    public Answer ask(String customerKey, String product, String question) {
        String text = agent.answer(customerKey, product, question);
        return new Answer(text, runs.lastResumptionToken().orElse(null)); // <1>
    }

    /** Later, in another request or process: the rating lands on the run that answered. */
    public void rate(String customerKey, String token, boolean helpful) {
        ai.trackFeedback(token, LDContext.create(customerKey),
                helpful ? AiFeedbackKind.POSITIVE : AiFeedbackKind.NEGATIVE);
    }

    public record Answer(String text, String feedbackToken) {
    }
}
// end::feedback[]
