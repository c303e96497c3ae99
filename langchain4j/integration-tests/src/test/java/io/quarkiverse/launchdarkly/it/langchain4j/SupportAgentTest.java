package io.quarkiverse.launchdarkly.it.langchain4j;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.launchdarkly.sdk.LDValue;

import dev.langchain4j.model.chat.request.ChatRequest;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The support agent demo over HTTP: for each tier of customer, the AI Config's variation (its system messages, model
 * name and parameters) reaches the local model's request, and the call is one run at the stand-in, graded by the
 * judge where the variation lists one; the trial tier's disabled variation is answered by the fallback without a
 * model request; a rating sent later with the answer's token lands on its run.
 */
@QuarkusTest
class SupportAgentTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    LocalSupportModel model;

    @Inject
    LocalLaunchDarkly launchDarkly;

    @BeforeEach
    void reset() {
        launchDarkly.reset();
        model.clear();
    }

    @Test
    void theFreeTierGetsTheBasicVariationAndItsJudge() {
        String token = ask("ann", "free", "How do I reset my password?")
                .body("answer", is("(local-small) You asked: How do I reset my password?"))
                .body("feedbackToken", notNullValue()).extract().path("feedbackToken");

        ChatRequest request = model.requests().get(0);
        assertThat(LocalSupportModel.describe(request)).isEqualTo("local-small t=0.7 max=100"
                + " | system: You help ann on the free plan. Answer in one sentence."
                + " | user: How do I reset my password?");
        RecordedEvent success = awaitOne("$ld:ai:generation:success");
        assertThat(success.data().get("configKey")).isEqualTo(LDValue.of("support-agent.chat"));
        assertThat(success.data().get("variationKey")).isEqualTo(LDValue.of("basic"));
        assertThat(success.data().get("modelName")).isEqualTo(LDValue.of("local-small"));
        assertThat(success.contextKey()).isEqualTo("ann");
        // The local model counts words: 11 of system message and 6 of question in, 9 of answer out.
        assertThat(awaitOne("$ld:ai:tokens:input").metricValue()).isEqualTo(17);
        assertThat(awaitOne("$ld:ai:tokens:output").metricValue()).isEqualTo(9);

        // The judge graded the answer in the background, with the same local model, on the same run.
        RecordedEvent score = awaitOne("$ld:ai:judge:relevance");
        assertThat(score.metricValue()).isEqualTo(0.9);
        assertThat(score.data().get("runId")).isEqualTo(success.data().get("runId"));
        assertThat(score.data().get("judgeConfigKey")).isEqualTo(LDValue.of("support-agent.relevance-judge"));

        // Later, the customer finds the answer helpful.
        given().contentType(ContentType.JSON).header("X-Customer", "ann").header("X-Tier", "free")
                .body("{\"token\": \"" + token + "\", \"helpful\": true}")
                .when().post("/agent/feedback").then().statusCode(204);
        RecordedEvent rating = awaitOne("$ld:ai:feedback:user:positive");
        assertThat(rating.data().get("runId")).isEqualTo(success.data().get("runId"));
    }

    @Test
    void theProTierGetsTheStandardVariation() {
        ask("bob", "pro", "Can I export invoices?").body("answer", is("(local-medium) You asked: Can I export invoices?"));

        assertThat(LocalSupportModel.describe(model.requests().get(0))).isEqualTo("local-medium t=0.3 max=300"
                + " | system: You help bob on the pro plan. Be precise. | user: Can I export invoices?");
        assertThat(awaitOne("$ld:ai:generation:success").data().get("variationKey")).isEqualTo(LDValue.of("standard"));
    }

    @Test
    void theEnterpriseTierGetsThePremiumVariationWithBothSystemMessages() {
        ask("acme", "enterprise", "Our SSO fails").body("answer", is("(local-large) You asked: Our SSO fails"));

        ChatRequest request = model.requests().get(0);
        assertThat(LocalSupportModel.describe(request)).isEqualTo("local-large t=0.2 max=800"
                + " | system: You are the senior engineer of acme, an enterprise customer.\n\n"
                + "Offer a call back when the answer may not solve the problem. | user: Our SSO fails");
        assertThat(request.parameters().topP()).isEqualTo(0.9);
        assertThat(awaitOne("$ld:ai:generation:success").data().get("variationKey")).isEqualTo(LDValue.of("premium"));
    }

    @Test
    void theTrialTiersDisabledVariationIsAnsweredByTheFallbackWithoutTheModel() {
        ask("tim", "trial", "Hello?").body("answer", is("Thanks, a member of our team will answer you by email."))
                .body("feedbackToken", nullValue());

        assertThat(model.requests()).isEmpty();
        List<RecordedEvent> usage = launchDarkly.events().awaitCustomEvents("$ld:ai:usage:completion-config", 1, WAIT);
        assertThat(usage.get(0).data()).isEqualTo(LDValue.of("support-agent.chat"));
        assertThat(launchDarkly.events().customEvents("$ld:ai:generation:success")).isEmpty();
    }

    @Test
    void whatTheModelWasAskedIsShownOverHttp() {
        ask("eve", "pro", "Where is the API?");

        given().when().get("/agent/requests").then().statusCode(200)
                .body("[0]", is("local-medium t=0.3 max=300 | system: You help eve on the pro plan. Be precise."
                        + " | user: Where is the API?"));
    }

    private static io.restassured.response.ValidatableResponse ask(String customer, String tier, String question) {
        return given().contentType(ContentType.JSON).header("X-Customer", customer).header("X-Tier", tier)
                .body("{\"question\": \"" + question + "\"}")
                .when().post("/agent/chat").then().statusCode(200);
    }

    private RecordedEvent awaitOne(String key) {
        return launchDarkly.events().awaitCustomEvents(key, 1, WAIT).get(0);
    }
}
