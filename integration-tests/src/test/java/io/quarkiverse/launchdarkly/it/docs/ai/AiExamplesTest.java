package io.quarkiverse.launchdarkly.it.docs.ai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDefault;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.junit.QuarkusTest;

/** The AI Configs page's examples (TrackerExamples, TriageAgent, TicketSummaryResource), run against the stand-in. */
@QuarkusTest
class AiExamplesTest {

    private static final LDContext ANN = LDContext.builder("user-123").name("Ann").build();
    private static final String FLAGS = """
            {"flagValues": {
              "support-assistant": {
                "_ldMeta": {"enabled": true, "variationKey": "v1", "version": 3, "mode": "completion"},
                "model": {"name": "gpt-4o"}, "provider": {"name": "openai"},
                "messages": [{"role": "user", "content": "{{question}}"}],
                "judgeConfiguration": {"judges": [{"key": "relevance-judge", "samplingRate": 1}]}
              },
              "relevance-judge": {
                "_ldMeta": {"enabled": true, "variationKey": "j1", "version": 1, "mode": "judge"},
                "model": {"name": "gpt-4o-mini"},
                "messages": [{"role": "system", "content": "Rate {{response_to_evaluate}}"}],
                "evaluationMetricKey": "$ld:ai:judge:relevance"
              },
              "triage": {
                "_ldMeta": {"enabled": true, "variationKey": "t1", "version": 1, "mode": "agent"},
                "instructions": "Triage for {{ldctx.name}}"
              }
            }}
            """;

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Inject
    TrackerExamples examples;

    @Inject
    TriageAgent triage;

    @Inject
    LaunchDarklyAi ai;

    @BeforeEach
    void flags() {
        launchDarkly.reset();
        launchDarkly.useFlagData(FLAGS);
    }

    private AiCompletionConfig config(String question) {
        return ai.completionConfig("support-assistant", ANN, null, Map.of("question", question));
    }

    @Test
    void theDefaultIsServedForAMissingFlag() {
        launchDarkly.useFlagData("{\"flagValues\": {}}");
        AiCompletionConfig config = examples.withFallback(ANN, "Where is my invoice?");
        assertThat(config.enabled()).isTrue();
        assertThat(config.messages()).extracting(message -> message.content())
                .containsExactly("You help Ann with their support tickets.", "Where is my invoice?");
    }

    @Test
    void agentsAreEvaluatedTogether() {
        assertThat(examples.triageInstructions(ANN, AiConfigDefault.disabled(), "pro")).isEqualTo("Triage for Ann");
        assertThat(launchDarkly.events().awaitCustomEvent("$ld:ai:usage:agent-configs").metricValue()).isEqualTo(2.0);
    }

    @Test
    void trackMetricsOfSendsDurationSuccessAndTokens() throws IOException {
        examples.answer(ANN, config("Reset my password"));
        assertThat(launchDarkly.events().awaitCustomEvent("$ld:ai:tokens:total").metricValue()).isEqualTo(8.0);
        launchDarkly.events().awaitCustomEvent("$ld:ai:generation:success");
    }

    @Test
    void trackDurationOfThenTheOutcomeByHand() {
        assertThatThrownBy(() -> examples.answerMeasured(config("Hi"), " ")).isInstanceOf(IOException.class);
        launchDarkly.events().awaitCustomEvent("$ld:ai:duration:total");
        launchDarkly.events().awaitCustomEvent("$ld:ai:generation:error");
    }

    @Test
    void timeToFirstTokenIsSentOnce() {
        StringBuilder answer = new StringBuilder();
        examples.stream(config("Hi there"), answer);
        assertThat(answer.toString()).isEqualTo("Answer to: Hi there ");
        assertThat(launchDarkly.events().awaitCustomEvents("$ld:ai:tokens:ttf", 1, java.time.Duration.ofSeconds(10)))
                .hasSize(1);
    }

    @Test
    void feedbackJoinsTheRunOfItsToken() throws IOException {
        String token = examples.answerWithToken(config("Hi"));
        examples.feedback(token, ANN, true);
        RecordedEvent feedback = launchDarkly.events().awaitCustomEvent("$ld:ai:feedback:user:positive");
        RecordedEvent success = launchDarkly.events().awaitCustomEvent("$ld:ai:generation:success");
        assertThat(feedback.data().get("runId")).isEqualTo(success.data().get("runId"));
    }

    @Test
    void aSampledJudgeSendsItsScore() {
        AiCompletionConfig config = config("Hi");
        AiConfigTracker tracker = config.createTracker();
        examples.judge(ANN, config, tracker, "user: Hi", "Hello Ann");
        RecordedEvent score = launchDarkly.events().awaitCustomEvent("$ld:ai:judge:relevance");
        assertThat(score.metricValue()).isEqualTo(0.9);
        assertThat(score.data().get("judgeConfigKey").stringValue()).isEqualTo("relevance-judge");
    }

    @Test
    void theTriageAgentRunsOnItsDefaultConfigAndRecordsItsTool() throws IOException {
        Reply reply = triage.triage(ANN, "My invoice is wrong", null, null);
        assertThat(reply.text()).isEqualTo("Answer to: My invoice is wrong");
        RecordedEvent tool = launchDarkly.events().awaitCustomEvent("$ld:ai:tool_call");
        assertThat(tool.data().get("toolKey").stringValue()).isEqualTo("lookup_ticket");
        assertThat(tool.data().get("modelName").stringValue()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void aDisabledTriageAgentAnswersWithTheFallback() throws IOException {
        launchDarkly.useFlagData("""
                {"flagValues": {"triage-agent": {"_ldMeta": {"enabled": false, "mode": "agent"}}}}
                """);
        assertThat(triage.triage(ANN, "Help", null, null).text()).isEqualTo("Sent to the support queue: Help");
    }

    @Test
    void aDisabledFeatureWithoutFallbackIsA503() {
        given().header("X-Customer", "acme-42").body("My invoice is wrong").when().post("/docs/summaries")
                .then().statusCode(503).body(is("The assistant is not available."));
    }
}
