package io.quarkiverse.launchdarkly.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;

import io.quarkiverse.launchdarkly.TrackingFailureCounts;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The AI chat of the support desk ({@code @AiGeneration} on {@link SupportChat}), driven over HTTP and asserted on the
 * AI Config events that reached the local stand-in. The local model counts a word as a token, so every count here can
 * be worked out from the prompts of {@code flags.yaml} and the question.
 */
@QuarkusTest
class SupportChatTest {

    private static final Duration NOT_SENT_WAIT = Duration.ofMillis(300);

    private static final String USAGE = "$ld:ai:usage:completion-config";
    private static final String DURATION = "$ld:ai:duration:total";
    private static final String TIME_TO_FIRST_TOKEN = "$ld:ai:tokens:ttf";
    private static final String SUCCESS = "$ld:ai:generation:success";
    private static final String ERROR = "$ld:ai:generation:error";
    private static final String TOKENS_TOTAL = "$ld:ai:tokens:total";
    private static final String TOKENS_INPUT = "$ld:ai:tokens:input";
    private static final String TOKENS_OUTPUT = "$ld:ai:tokens:output";
    private static final String TOOL_CALL = "$ld:ai:tool_call";
    private static final String POSITIVE = "$ld:ai:feedback:user:positive";
    private static final String NEGATIVE = "$ld:ai:feedback:user:negative";
    private static final String RELEVANCE = "$ld:ai:judge:relevance";

    /** The small model's answer to a question that mentions a ticket: 11 + 8 = 19 words. */
    private static final String SMALL_TICKET_ANSWER = "I looked up your ticket: an agent is working on it."
            + " The help center has step-by-step instructions for this.";
    /** The large model's answer to a question without a ticket: 8 + 15 = 23 words. */
    private static final String LARGE_ANSWER = "The help center has step-by-step instructions for this."
            + " If they do not solve it, reply here and an engineer will call you back.";

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Inject
    TrackingFailureCounts trackingFailures;

    @BeforeEach
    void forgetPreviousEvents() {
        launchDarkly.reset();
    }

    @Test
    void theAiConfigsRunWithNoLangChain4jOnTheClassPath() {
        // The demo has no LangChain4j: the extension's LangChain4j support (the ChatResponse extractor, the
        // integration) must stay unloaded rather than fail the application or its AI calls.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String type : List.of("dev.langchain4j.model.chat.response.ChatResponse",
                "io.quarkiverse.launchdarkly.langchain4j.LaunchDarklyAiConfig")) {
            assertThatThrownBy(() -> Class.forName(type, false, loader)).as(type)
                    .isInstanceOf(ClassNotFoundException.class);
        }
        customer("acme-7", "pro").body(chat("billing", "Hello")).when().post("/ai/chat").then().statusCode(200);
        assertThat(awaitRun(false).usage()).isNotNull();
    }

    @Test
    void aProCustomerGetsTheStandardVariationAndTheWholeRunIsRecorded() {
        String token = customer("acme-42", "pro")
                .body(chat("billing", "Where is my ticket about the double charge?"))
                .when().post("/ai/chat")
                .then().statusCode(200)
                .body("answer", is(SMALL_TICKET_ANSWER))
                .body("model", is("local-support-small"))
                .body("variation", is("standard"))
                .body("canned", is(false))
                .body("toolCalls", contains("lookup_ticket"))
                // Prompt "You help acme-42 on the pro plan with billing questions. Be brief." (12) + question (8)
                .body("inputTokens", is(20))
                .body("outputTokens", is(19))
                .body("feedbackToken", notNullValue())
                .extract().path("feedbackToken");

        Run run = awaitRun(true);
        RecordedEvent usage = run.usage();
        assertThat(usage.contextKey()).isEqualTo("acme-42");
        assertThat(usage.context().get("tier").stringValue()).isEqualTo("pro");
        assertThat(usage.data()).isEqualTo(LDValue.of("support-desk.chat"));
        assertThat(usage.metricValue()).isEqualTo(1.0);
        run.assertData("standard", 1, "local-support-small");
        assertThat(run.duration.metricValue()).isGreaterThanOrEqualTo((double) LocalSupportModel.THINKING_MILLIS)
                .isLessThan(10_000.0);
        assertThat(run.success.metricValue()).isEqualTo(1.0);
        assertThat(run.total.metricValue()).isEqualTo(39.0);
        assertThat(run.input.metricValue()).isEqualTo(20.0);
        assertThat(run.output.metricValue()).isEqualTo(19.0);
        assertThat(run.toolCall.data().get("toolKey").stringValue()).isEqualTo("lookup_ticket");
        assertThat(run.toolCall.metricValue()).isEqualTo(1.0);
        // The order of AiConfigTracker.trackMetricsOf: usage, then duration, success, tokens, tool calls.
        assertThat(Stream.of(usage, run.duration, run.success, run.total, run.input, run.output, run.toolCall)
                .map(RecordedEvent::sequence).toList()).isSorted();
        // The variation's judge graded the answer, after the call, on this very run.
        RecordedEvent relevance = launchDarkly.events().awaitCustomEvent(RELEVANCE);
        assertThat(relevance.contextKey()).isEqualTo("acme-42");
        assertThat(relevance.metricValue()).isBetween(0.0, 1.0);
        assertThat(relevance.data().get("runId").stringValue()).isEqualTo(run.runId());
        assertThat(relevance.data().get("judgeConfigKey").stringValue()).isEqualTo("support-desk.relevance-judge");
        // The token the customer got names this very run.
        assertThat(decode(token)).isEqualTo("{\"runId\":\"" + run.runId() + "\",\"configKey\":\"support-desk.chat\","
                + "\"variationKey\":\"standard\",\"version\":1}");
    }

    @Test
    void anEnterpriseCustomerGetsTheLargeModelAndItsLongerPrompt() {
        customer("big-corp", "enterprise")
                .body(chat("access", "How do I add single sign-on for my team?"))
                .when().post("/ai/chat")
                .then().statusCode(200)
                .body("answer", is(LARGE_ANSWER))
                .body("model", is("local-support-large"))
                .body("variation", is("enterprise"))
                .body("toolCalls", empty())
                // Two system messages of 13 and 12 words, and a question of 9
                .body("inputTokens", is(34))
                .body("outputTokens", is(23));

        Run run = awaitRun(false);
        assertThat(run.success.contextKey()).isEqualTo("big-corp");
        assertThat(run.success.context().get("tier").stringValue()).isEqualTo("enterprise");
        run.assertData("enterprise", 2, "local-support-large");
        assertThat(run.total.metricValue()).isEqualTo(57.0);
        assertThat(run.input.metricValue()).isEqualTo(34.0);
        assertThat(run.output.metricValue()).isEqualTo(23.0);
        // Tool calls come after the tokens, which have arrived: none was sent.
        launchDarkly.events().assertNoCustomEvent(TOOL_CALL, NOT_SENT_WAIT);
    }

    @Test
    void aTrialCustomerGetsTheCannedAnswerAndOnlyTheUsageEvent() {
        customer("newcomer", "trial")
                .body(chat("billing", "Can I see my ticket?"))
                .when().post("/ai/chat")
                .then().statusCode(200)
                .body("answer", is(SupportChat.CANNED_ANSWER))
                .body("canned", is(true))
                .body("model", nullValue())
                .body("variation", is("canned-only"))
                .body("feedbackToken", nullValue())
                .body("toolCalls", empty());

        RecordedEvent usage = launchDarkly.events().awaitCustomEvent(USAGE);
        assertThat(usage.contextKey()).isEqualTo("newcomer");
        assertThat(usage.data()).isEqualTo(LDValue.of("support-desk.chat"));
        // The config is disabled: the model did not run, so no run was recorded.
        launchDarkly.events().assertNoCustomEvent(DURATION, NOT_SENT_WAIT);
        for (String notSent : List.of(SUCCESS, ERROR, TOKENS_TOTAL, TOOL_CALL)) {
            launchDarkly.events().assertNoCustomEvent(notSent, Duration.ZERO);
        }
    }

    @Test
    void withoutACustomerTheConfigIsNotEvaluatedAndTheCannedAnswerReplies() {
        long before = trackingFailures.count(TrackingFailureCounts.Reason.NO_CONTEXT);

        given().contentType(ContentType.JSON).body(chat("billing", "Hello?"))
                .when().post("/ai/chat")
                .then().statusCode(200)
                .body("answer", is(SupportChat.CANNED_ANSWER))
                .body("variation", nullValue());

        launchDarkly.events().assertNoCustomEvent(USAGE, NOT_SENT_WAIT);
        assertThat(trackingFailures.count(TrackingFailureCounts.Reason.NO_CONTEXT)).isEqualTo(before + 1);
    }

    @Test
    void aQuestionTooLongForTheModelIsA422AndAGenerationError() {
        String question = Stream.generate(() -> "word").limit(50).collect(Collectors.joining(" "));

        customer("acme-42", "pro").body(chat("billing", question))
                .when().post("/ai/chat")
                .then().statusCode(422)
                .body("error", is("The question is too long for the model local-support-small: the prompt has 62"
                        + " tokens, the model reads at most 60"));

        launchDarkly.events().awaitCustomEvent(USAGE);
        RecordedEvent error = launchDarkly.events().awaitCustomEvent(ERROR);
        RecordedEvent duration = launchDarkly.events().awaitCustomEvent(DURATION);
        assertThat(error.metricValue()).isEqualTo(1.0);
        assertThat(error.data().get("runId").stringValue()).isEqualTo(duration.data().get("runId").stringValue());
        assertThat(duration.sequence()).isLessThan(error.sequence());
        launchDarkly.events().assertNoCustomEvent(SUCCESS, NOT_SENT_WAIT);
        launchDarkly.events().assertNoCustomEvent(TOKENS_TOTAL, Duration.ZERO);
    }

    @Test
    void aMissingQuestionIsRefusedBeforeAnyConfigIsEvaluated() {
        customer("acme-42", "pro").body("{\"topic\":\"billing\"}")
                .when().post("/ai/chat")
                .then().statusCode(400).body("error", is("Ask a question"));

        launchDarkly.events().assertNoCustomEvent(USAGE, NOT_SENT_WAIT);
    }

    @Test
    void aStreamedAnswerRecordsTheTimeToFirstTokenAndTheTokensOfItsLastChunk() {
        customer("acme-42", "pro")
                .body(chat("access", "I cannot log in since ticket #12 was closed"))
                .when().post("/ai/chat/stream")
                .then().statusCode(200)
                .contentType(ContentType.TEXT)
                .body(is(SMALL_TICKET_ANSWER));

        Run run = awaitRun(true);
        RecordedEvent usage = run.usage();
        assertThat(usage.contextKey()).isEqualTo("acme-42");
        RecordedEvent firstToken = launchDarkly.events().awaitCustomEvent(TIME_TO_FIRST_TOKEN);
        run.assertData("standard", 1, "local-support-small");
        assertThat(firstToken.data()).isEqualTo(run.success.data());
        assertThat(firstToken.contextKey()).isEqualTo("acme-42");
        assertThat(firstToken.metricValue()).isGreaterThanOrEqualTo((double) LocalSupportModel.FIRST_TOKEN_MILLIS)
                .isLessThanOrEqualTo(run.duration.metricValue());
        // 19 words after the first, 5 ms apart
        assertThat(run.duration.metricValue()).isGreaterThanOrEqualTo(
                LocalSupportModel.FIRST_TOKEN_MILLIS + 19.0 * LocalSupportModel.NEXT_TOKEN_MILLIS);
        // From the usage chunk: prompt 12 + question 9, answer 19
        assertThat(run.total.metricValue()).isEqualTo(40.0);
        assertThat(run.input.metricValue()).isEqualTo(21.0);
        assertThat(run.output.metricValue()).isEqualTo(19.0);
        assertThat(run.toolCall.data().get("toolKey").stringValue()).isEqualTo("lookup_ticket");
        assertThat(Stream.of(usage, firstToken, run.duration, run.success, run.total, run.toolCall)
                .map(RecordedEvent::sequence).toList()).isSorted();
    }

    @Test
    void aTrialCustomerStreamsTheCannedAnswer() {
        customer("newcomer", "trial")
                .body(chat("access", "I cannot log in"))
                .when().post("/ai/chat/stream")
                .then().statusCode(200)
                .body(is(SupportChat.CANNED_ANSWER));

        launchDarkly.events().awaitCustomEvent(USAGE);
        launchDarkly.events().assertNoCustomEvent(TIME_TO_FIRST_TOKEN, NOT_SENT_WAIT);
        launchDarkly.events().assertNoCustomEvent(DURATION, Duration.ZERO);
    }

    @Test
    void positiveFeedbackWithTheTokenOfAnAnswerJoinsItsRun() {
        String token = customer("acme-42", "pro")
                .body(chat("billing", "Where is my ticket about the double charge?"))
                .when().post("/ai/chat")
                .then().statusCode(200)
                .extract().path("feedbackToken");
        Run run = awaitRun(true);

        customer("acme-42", "pro").body(Map.of("token", token, "positive", true))
                .when().post("/ai/chat/feedback")
                .then().statusCode(204);

        RecordedEvent feedback = launchDarkly.events().awaitCustomEvent(POSITIVE);
        assertThat(feedback.contextKey()).isEqualTo("acme-42");
        assertThat(feedback.metricValue()).isEqualTo(1.0);
        // The token carries the run, not the model: its names are empty, as in the official SDKs.
        assertThat(feedback.data()).isEqualTo(LDValue.buildObject()
                .put("runId", run.runId())
                .put("configKey", "support-desk.chat")
                .put("variationKey", "standard")
                .put("version", 1)
                .put("modelName", "")
                .put("providerName", "")
                .put("modelVersion", 1)
                .build());
        launchDarkly.events().assertNoCustomEvent(NEGATIVE, NOT_SENT_WAIT);
    }

    @Test
    void negativeFeedbackOnAnEnterpriseAnswerNamesItsVariation() {
        String token = customer("big-corp", "enterprise")
                .body(chat("access", "How do I add single sign-on for my team?"))
                .when().post("/ai/chat")
                .then().statusCode(200)
                .extract().path("feedbackToken");
        Run run = awaitRun(false);

        customer("big-corp", "enterprise").body(Map.of("token", token, "positive", false))
                .when().post("/ai/chat/feedback")
                .then().statusCode(204);

        RecordedEvent feedback = launchDarkly.events().awaitCustomEvent(NEGATIVE);
        assertThat(feedback.contextKey()).isEqualTo("big-corp");
        assertThat(feedback.data().get("runId").stringValue()).isEqualTo(run.runId());
        assertThat(feedback.data().get("variationKey").stringValue()).isEqualTo("enterprise");
        assertThat(feedback.data().get("version").intValue()).isEqualTo(2);
        launchDarkly.events().assertNoCustomEvent(POSITIVE, NOT_SENT_WAIT);
    }

    @Test
    void feedbackWithoutAValidTokenIsA400AndSendsNothing() {
        customer("acme-42", "pro").body(Map.of("token", "not-a-token", "positive", true))
                .when().post("/ai/chat/feedback")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", is("The token is not a feedbackToken of the chat"));
        customer("acme-42", "pro").body(Map.of("positive", true))
                .when().post("/ai/chat/feedback")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", is("The feedback needs the feedbackToken of the answer it rates"));
        // Valid base64url and JSON, but no run in it
        customer("acme-42", "pro").body(Map.of("token", encode("{\"configKey\":\"support-desk.chat\"}"), "positive", true))
                .when().post("/ai/chat/feedback")
                .then().statusCode(400);

        launchDarkly.events().assertNoCustomEvent(POSITIVE, NOT_SENT_WAIT);
    }

    // ---- helpers ----

    /**
     * The events of one run (the only one of the test), each awaited, so that none is left in flight to reach the
     * journal after the next test's reset and spoil its "no event" assertions.
     */
    private Run awaitRun(boolean withToolCall) {
        var events = launchDarkly.events();
        Run run = new Run(events.awaitCustomEvent(USAGE), events.awaitCustomEvent(DURATION),
                events.awaitCustomEvent(SUCCESS), events.awaitCustomEvent(TOKENS_TOTAL), events.awaitCustomEvent(TOKENS_INPUT),
                events.awaitCustomEvent(TOKENS_OUTPUT), withToolCall ? events.awaitCustomEvent(TOOL_CALL) : null);
        if ("standard".equals(run.success().data().get("variationKey").stringValue())) {
            // The standard variation's judge grades every answer after the call: its score is the run's last event.
            events.awaitCustomEvent(RELEVANCE);
        }
        return run;
    }

    private record Run(RecordedEvent usage, RecordedEvent duration, RecordedEvent success, RecordedEvent total,
            RecordedEvent input,
            RecordedEvent output, RecordedEvent toolCall) {

        String runId() {
            return success.data().get("runId").stringValue();
        }

        /** Every event of the run carries the same data (the tool call adds its toolKey), with a UUIDv4 runId. */
        void assertData(String variationKey, int version, String modelName) {
            assertThat(UUID.fromString(runId()).version()).isEqualTo(4);
            for (RecordedEvent event : List.of(duration, success, total, input, output)) {
                assertThat(event.data()).as(event.key()).isEqualTo(data(variationKey, version, modelName).build());
            }
            if (toolCall != null) {
                assertThat(toolCall.data()).isEqualTo(data(variationKey, version, modelName)
                        .put("toolKey", "lookup_ticket").build());
            }
        }

        private ObjectBuilder data(String variationKey, int version, String modelName) {
            return LDValue.buildObject()
                    .put("runId", runId())
                    .put("configKey", "support-desk.chat")
                    .put("variationKey", variationKey)
                    .put("version", version)
                    .put("modelName", modelName)
                    .put("providerName", "local")
                    .put("modelVersion", 1);
        }
    }

    private static Map<String, String> chat(String topic, String question) {
        return Map.of("topic", topic, "question", question);
    }

    private static String decode(String token) {
        return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestSpecification customer(String customer, String tier) {
        return given().header("X-Customer", customer).header("X-Customer-Tier", tier).contentType(ContentType.JSON);
    }
}
