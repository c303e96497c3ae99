package io.quarkiverse.launchdarkly.langchain4j.deployment.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.ai.AiConfigDisabledException;
import io.quarkiverse.launchdarkly.langchain4j.deployment.LocalOpenAi;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The LangChain4j page's examples, as the page shows them (its {@code application.properties} and AI Config
 * included), on the real OpenAI client against the local OpenAI-compatible server.
 */
class LangChain4jDocsExamplesTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final LocalOpenAi OPENAI = LocalOpenAi.shared();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(SupportAgent.class, AnswerFeedback.class, AnswerFeedback.Answer.class)
            .addClasses(LocalOpenAi.class)
            .addAsResource("docs/application.properties", "application.properties")
            .addAsResource("docs/flags.yaml", "launchdarkly/flags.yaml"))
            .overrideConfigKey("quarkus.langchain4j.openai.base-url", OPENAI.baseUrl())
            .overrideConfigKey("quarkus.langchain4j.openai.claude.base-url", OPENAI.baseUrl());

    @Inject
    SupportAgent agent;

    @Inject
    AnswerFeedback feedback;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    LDClientInterface client;

    @BeforeEach
    void reset() {
        local.reset();
        OPENAI.clear();
    }

    @Test
    void theVariationsPromptAndModelAnswerAndTheJudgeGradesTheRun() {
        String answer = agent.answer("cust-1", "billing", "Why was I charged twice?");

        assertThat(answer).isEqualTo("Answer to: Question about billing: Why was I charged twice?");
        JsonNode request = OPENAI.requests().get(0);
        assertThat(request.path("messages").get(0).path("content").asText())
                .isEqualTo("You support cust-1 with billing. Answer in two sentences.");
        assertThat(request.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(request.path("temperature").asDouble()).isEqualTo(0.2);

        RecordedEvent score = local.events().awaitCustomEvents("$ld:ai:judge:relevance", 1, WAIT).get(0);
        RecordedEvent success = successOf("support-agent");
        assertThat(score.data().get("runId")).isEqualTo(success.data().get("runId"));
    }

    @Test
    void theCustomersRatingLandsOnTheRunThatAnswered() {
        AnswerFeedback.Answer answer = feedback.ask("cust-2", "billing", "Where is my invoice?");
        feedback.rate("cust-2", answer.feedbackToken(), true);

        RecordedEvent rating = local.events().awaitCustomEvents("$ld:ai:feedback:user:positive", 1, WAIT).get(0);
        assertThat(rating.data().get("runId")).isEqualTo(successOf("support-agent").data().get("runId"));
        assertThat(rating.contextKey()).isEqualTo("cust-2");
        local.events().awaitCustomEvents("$ld:ai:judge:relevance", 1, WAIT);
    }

    @Test
    void aStreamedAnswerSendsItsTimeToFirstToken() {
        assertThat(String.join("", agent.stream("cust-4", "Hi").collect().asList().await().atMost(WAIT)))
                .isEqualTo("Answer to: Hi");
        RecordedEvent ttft = local.events().awaitCustomEvents("$ld:ai:tokens:ttf", 1, WAIT).get(0);
        assertThat(ttft.data().get("configKey")).isEqualTo(LDValue.of("support-agent"));
        local.events().awaitCustomEvents("$ld:ai:judge:relevance", 1, WAIT);
    }

    @Test
    void aDisabledConfigIsAnsweredByTheFallbackWithoutAModelRequest() throws InterruptedException {
        local.setFlag("support-agent", LDValue.buildObject()
                .put("_ldMeta", LDValue.buildObject().put("enabled", false).put("variationKey", "off").build())
                .build());
        awaitDisabled("support-agent");

        assertThat(feedback.ask("cust-3", "billing", "Hello"))
                .isEqualTo(new AnswerFeedback.Answer("The assistant is not available; a person will answer you.", null));
        // Without a @Fallback, the call is refused before the model is asked.
        assertThatThrownBy(() -> agent.stream("cust-3", "Hello")).isInstanceOf(AiConfigDisabledException.class);
        assertThat(OPENAI.requests()).isEmpty();
    }

    private RecordedEvent successOf(String configKey) {
        List<RecordedEvent> successes = local.events().awaitCustomEvents("$ld:ai:generation:success", 2, WAIT);
        return successes.stream().filter(e -> e.data().get("configKey").stringValue().equals(configKey))
                .findFirst().orElseThrow();
    }

    private void awaitDisabled(String flagKey) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        LDContext anyone = LDContext.create("flag-check");
        while (client.jsonValueVariation(flagKey, anyone, LDValue.ofNull()).get("_ldMeta").get("enabled")
                .booleanValue()) {
            assertThat(System.nanoTime()).as("the stand-in's flag change reached the SDK").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
