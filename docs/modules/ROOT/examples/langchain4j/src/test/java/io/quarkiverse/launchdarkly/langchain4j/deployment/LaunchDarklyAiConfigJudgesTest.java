package io.quarkiverse.launchdarkly.langchain4j.deployment;

import static io.quarkiverse.launchdarkly.langchain4j.deployment.AiServiceTestSupport.WAIT;
import static io.quarkiverse.launchdarkly.langchain4j.deployment.AiServiceTestSupport.events;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.quarkiverse.langchain4j.RegisterAiService.NoChatMemoryProviderSupplier;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiFeedbackKind;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.langchain4j.AiServiceRuns;
import io.quarkiverse.launchdarkly.langchain4j.LaunchDarklyAiConfig;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Judges, feedback and fallbacks of AI services, on the real OpenAI client against the local OpenAI-compatible
 * server: the variation's judge grades the call with the application's default chat model (asked for a JSON schema
 * answer) after the call returned, and its score lands on the call's run; the caller gets the run's resumption token
 * for feedback; a SmallRye Fault Tolerance {@code @Fallback} answers a disabled config without a model request.
 */
class LaunchDarklyAiConfigJudgesTest {

    static final String FLAGS = """
            flagValues:
              graded-chat:
                _ldMeta: { enabled: true, variationKey: "graded-v1", version: 3, mode: completion }
                model: { name: "gpt-ld" }
                provider: { name: "openai" }
                messages:
                  - { role: system, content: "You answer {{ldctx.key}}." }
                judgeConfiguration:
                  judges:
                    - { key: "relevance-judge", samplingRate: 1 }
              relevance-judge:
                _ldMeta: { enabled: true, variationKey: "judge-v1", version: 1, mode: judge }
                model: { name: "gpt-judge", parameters: { temperature: 0 } }
                provider: { name: "openai" }
                messages:
                  - { role: system, content: "Grade how relevant this answer is: {{response_to_evaluate}}" }
                evaluationMetricKey: "$ld:ai:judge:relevance"
              chat-off:
                _ldMeta: { enabled: false, variationKey: "off", version: 2 }
            """;

    static final LocalOpenAi OPENAI = LocalOpenAi.shared();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(GradedChat.class, LocalOpenAi.class, AiServiceTestSupport.class)
            .addAsResource(new StringAsset(FLAGS), "launchdarkly/flags.yaml"))
            .overrideConfigKey("quarkus.langchain4j.openai.base-url", OPENAI.baseUrl())
            .overrideConfigKey("quarkus.langchain4j.openai.api-key", "test-key-not-secret")
            .overrideConfigKey("quarkus.langchain4j.openai.chat-model.model-name", "gpt-configured");

    @RegisterAiService(chatMemoryProviderSupplier = NoChatMemoryProviderSupplier.class)
    @ApplicationScoped
    interface GradedChat {

        @LaunchDarklyAiConfig("graded-chat")
        @UserMessage("{question}")
        String answer(@LaunchDarklyContext String user, String question);

        @LaunchDarklyAiConfig("chat-off")
        @Fallback(fallbackMethod = "offline")
        @UserMessage("{question}")
        String off(@LaunchDarklyContext String user, String question);

        default String offline(String user, String question) {
            return "The assistant is off for " + user;
        }
    }

    @Inject
    GradedChat chat;

    @Inject
    AiServiceRuns runs;

    @Inject
    LaunchDarklyAi ai;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    LDClientInterface client;

    @BeforeEach
    void reset() {
        events(client, local);
        local.reset();
        OPENAI.clear();
    }

    @Test
    void theVariationsJudgeGradesTheCallWithTheDefaultChatModelAndItsScoreLandsOnTheRun() {
        String answer = chat.answer("user-eve", "Where is my parcel?");
        assertThat(answer).isEqualTo("Answer to: Where is my parcel?");

        RecordedEvent score = local.events().awaitCustomEvents("$ld:ai:judge:relevance", 1, WAIT).get(0);
        List<RecordedEvent> events = events(client, local);
        String runId = events.stream().filter(e -> e.key().equals("$ld:ai:generation:success")).findFirst()
                .orElseThrow().data().get("runId").stringValue();
        assertThat(score.metricValue()).isEqualTo(0.75);
        assertThat(score.contextKey()).isEqualTo("user-eve");
        assertThat(score.data().get("runId")).isEqualTo(LDValue.of(runId));
        assertThat(score.data().get("configKey")).isEqualTo(LDValue.of("graded-chat"));
        assertThat(score.data().get("variationKey")).isEqualTo(LDValue.of("graded-v1"));
        assertThat(score.data().get("judgeConfigKey")).isEqualTo(LDValue.of("relevance-judge"));

        // The judge asked the model for a JSON schema answer, with the judge variation's model and prompt.
        assertThat(OPENAI.requests()).hasSize(2);
        JsonNode judgeRequest = OPENAI.requests().get(1);
        assertThat(judgeRequest.path("model").asText()).isEqualTo("gpt-judge");
        assertThat(judgeRequest.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(judgeRequest.path("response_format").path("json_schema").path("name").asText())
                .isEqualTo("judge_verdict");
        assertThat(judgeRequest.path("messages").get(0).path("content").asText())
                .isEqualTo("Grade how relevant this answer is: Answer to: Where is my parcel?");
        // The judge's own run is recorded too, under the judge config's key.
        assertThat(events).anySatisfy(e -> {
            assertThat(e.key()).isEqualTo("$ld:ai:generation:success");
            assertThat(e.data().get("configKey")).isEqualTo(LDValue.of("relevance-judge"));
        });
    }

    @Test
    void theCallerGetsTheRunsResumptionTokenForFeedbackWithoutTouchingTheTracker() {
        chat.answer("user-fay", "Thanks");
        String token = runs.lastResumptionToken().orElseThrow();
        ai.trackFeedback(token, LDContext.create("user-fay"), AiFeedbackKind.POSITIVE);

        List<RecordedEvent> events = events(client, local);
        String runId = events.stream().filter(e -> e.key().equals("$ld:ai:generation:success")
                && e.data().get("configKey").stringValue().equals("graded-chat")).findFirst().orElseThrow()
                .data().get("runId").stringValue();
        RecordedEvent feedback = events.stream().filter(e -> e.key().equals("$ld:ai:feedback:user:positive"))
                .findFirst().orElseThrow();
        assertThat(feedback.data().get("runId")).isEqualTo(LDValue.of(runId));
        assertThat(feedback.data().get("configKey")).isEqualTo(LDValue.of("graded-chat"));
        assertThat(feedback.contextKey()).isEqualTo("user-fay");
    }

    @Test
    void aFallbackAnswersADisabledConfigWithoutAModelRequest() {
        chat.answer("user-gus", "First");
        assertThat(runs.lastResumptionToken()).isPresent();
        local.events().awaitCustomEvents("$ld:ai:judge:relevance", 1, WAIT); // its judge's request is made
        OPENAI.clear();

        assertThat(chat.off("user-gus", "hello")).isEqualTo("The assistant is off for user-gus");

        assertThat(OPENAI.requests()).isEmpty();
        // No run: the token of the previous call is not passed off as this one's.
        assertThat(runs.lastResumptionToken()).isEmpty();
    }
}
