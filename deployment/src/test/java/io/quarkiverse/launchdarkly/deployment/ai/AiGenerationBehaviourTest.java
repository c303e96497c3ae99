package io.quarkiverse.launchdarkly.deployment.ai;

import static io.quarkiverse.launchdarkly.deployment.ai.AiGenerationTestModel.assertEvent;
import static io.quarkiverse.launchdarkly.deployment.ai.AiGenerationTestModel.events;
import static io.quarkiverse.launchdarkly.deployment.ai.AiGenerationTestModel.trackData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.ContextKind;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.TrackingFailureCounts.Reason;
import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDefault;
import io.quarkiverse.launchdarkly.ai.AiConfigDisabledException;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiFeedbackKind;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiMessage;
import io.quarkiverse.launchdarkly.ai.AiModel;
import io.quarkiverse.launchdarkly.ai.AiVariable;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.deployment.ai.AiGenerationTestModel.ModelReply;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @AiGeneration} on synchronous methods, in an application on the stand-in: the config the method gets, the
 * fallback, and every event checked field by field (all but runId and creationDate exactly) at the stand-in.
 */
class AiGenerationBehaviourTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(Assistant.class, AiGenerationTestModel.class)
            .addAsResource(new StringAsset(AiGenerationTestModel.FLAGS), "launchdarkly/flags.yaml"));

    static final LDContext ANN = LDContext.builder("user-ann").name("Ann").build();

    @Inject
    Assistant assistant;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    LDClientInterface client;

    @Inject
    LaunchDarklyAi ai;

    @Inject
    TrackingFailures failures;

    @BeforeEach
    void reset() {
        events(client, local); // let the events of the previous test arrive before forgetting them
        local.reset();
        Assistant.MODEL_CALLS.set(0);
        Assistant.FALLBACK_CALLS.set(0);
        Assistant.LAST_COMPLETION.set(null);
        Assistant.LAST_AGENT.set(null);
        Assistant.LAST_TRACKER.set(null);
    }

    @Test
    void anEnabledConfigIsHandedToTheMethodAndItsSuccessAndTokensAreRecorded() {
        ModelReply reply = assistant.answer(ANN, "billing", "Where is my invoice?", null, null);

        assertThat(reply.text()).isEqualTo("local-echo: Where is my invoice?");
        AiCompletionConfig config = Assistant.LAST_COMPLETION.get();
        assertThat(config.enabled()).isTrue();
        assertThat(config.model().map(AiModel::name)).contains("local-echo");
        assertThat(config.messages()).containsExactly(AiMessage.system("Help Ann with billing"));
        String runId = Assistant.LAST_TRACKER.get().runId();

        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:duration:total", "$ld:ai:generation:success", "$ld:ai:tokens:total", "$ld:ai:tokens:input",
                "$ld:ai:tokens:output");
        LDValue data = trackData(runId, "support-chat", "chat-v2", 4, "local-echo", "local").build();
        assertEvent(events.get(0), "$ld:ai:usage:completion-config", "user-ann", LDValue.of("support-chat"), 1);
        assertEvent(events.get(1), "$ld:ai:duration:total", "user-ann", data, events.get(1).metricValue());
        assertThat(events.get(1).metricValue()).isGreaterThanOrEqualTo(0);
        assertEvent(events.get(2), "$ld:ai:generation:success", "user-ann", data, 1);
        assertEvent(events.get(3), "$ld:ai:tokens:total", "user-ann", data, 42);
        assertEvent(events.get(4), "$ld:ai:tokens:input", "user-ann", data, 12);
        assertEvent(events.get(5), "$ld:ai:tokens:output", "user-ann", data, 30);
    }

    @Test
    void eachCallIsANewRun() {
        assistant.answer(ANN, "a", "q1", null, null);
        String first = Assistant.LAST_TRACKER.get().runId();
        assistant.answer(ANN, "b", "q2", null, null);
        String second = Assistant.LAST_TRACKER.get().runId();

        assertThat(first).isNotEqualTo(second);
        assertThat(events(client, local)).filteredOn(e -> e.key().equals("$ld:ai:generation:success"))
                .extracting(e -> e.data().get("runId").stringValue()).containsExactly(first, second);
    }

    @Test
    void aModelExceptionIsRecordedAsAnErrorAndRethrownUnchanged() {
        assertThatThrownBy(() -> assistant.failing("user-bob", null, null))
                .isSameAs(Assistant.MODEL_FAILURE);

        String runId = Assistant.LAST_TRACKER.get().runId();
        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:duration:total", "$ld:ai:generation:error");
        LDValue data = trackData(runId, "support-chat", "chat-v2", 4, "local-echo", "local").build();
        assertEvent(events.get(2), "$ld:ai:generation:error", "user-bob", data, 1);
    }

    @Test
    void aDisabledConfigIsAnsweredByTheFallbackWithoutCallingTheModelAndSendsOnlyTheUsageEvent() {
        ModelReply reply = assistant.offWithFallback("user-carl", "hello", null);

        assertThat(reply.text()).isEqualTo("canned: hello (chat-off enabled=false)");
        assertThat(Assistant.MODEL_CALLS.get()).isZero();
        assertThat(Assistant.FALLBACK_CALLS.get()).isOne();
        List<RecordedEvent> events = events(client, local);
        assertThat(events).hasSize(1);
        assertEvent(events.get(0), "$ld:ai:usage:completion-config", "user-carl", LDValue.of("chat-off"), 1);
    }

    @Test
    void aDisabledConfigWithoutFallbackThrowsTheDocumentedException() {
        assertThatThrownBy(() -> assistant.offWithoutFallback("user-dan", null))
                .isInstanceOfSatisfying(AiConfigDisabledException.class, e -> {
                    assertThat(e.configKey()).isEqualTo("chat-off");
                    assertThat(e.reason()).isEqualTo(AiConfigDisabledException.Reason.DISABLED);
                    assertThat(e.getMessage()).contains("Assistant#offWithoutFallback");
                });
        assertThat(Assistant.MODEL_CALLS.get()).isZero();
        assertThat(events(client, local)).extracting(RecordedEvent::key)
                .containsExactly("$ld:ai:usage:completion-config");
    }

    @Test
    void aMissingFlagUsesTheDefaultConfigMethod() {
        ModelReply reply = assistant.withDefault("user-eve", null, null);

        assertThat(reply.text()).isEqualTo("local-fallback-model: hi");
        String runId = Assistant.LAST_TRACKER.get().runId();
        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:duration:total", "$ld:ai:generation:success", "$ld:ai:tokens:total", "$ld:ai:tokens:input",
                "$ld:ai:tokens:output");
        assertEvent(events.get(0), "$ld:ai:usage:completion-config", "user-eve", LDValue.of("not-a-flag"), 1);
        // A default has no variation: the reference's data with an empty variation key and version 1.
        assertEvent(events.get(2), "$ld:ai:generation:success", "user-eve",
                trackData(runId, "not-a-flag", "", 1, "local-fallback-model", "local").build(), 1);
    }

    @Test
    void anAgentConfigWithAMultiKindContextInterpolatesItsInstructions() {
        LDContext user = LDContext.builder("user-fay").name("Fay").build();
        LDContext org = LDContext.builder(ContextKind.of("organization"), "acme").build();
        LDContext multi = LDContext.createMulti(user, org);

        assistant.triage(multi, null);

        AiAgentConfig agent = Assistant.LAST_AGENT.get();
        assertThat(agent.enabled()).isTrue();
        assertThat(agent.instructions()).contains("Triage for Fay of acme (multi)");
        List<RecordedEvent> events = events(client, local);
        String runId = events.get(1).data().get("runId").stringValue();
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:agent-config",
                "$ld:ai:duration:total", "$ld:ai:generation:success", "$ld:ai:tokens:total", "$ld:ai:tokens:input",
                "$ld:ai:tokens:output", "$ld:ai:tool_call", "$ld:ai:tool_call");
        assertThat(events.get(0).context()).isEqualTo(LDValue.parse(
                "{\"kind\":\"multi\",\"user\":{\"key\":\"user-fay\",\"name\":\"Fay\"},\"organization\":{\"key\":\"acme\"}}"));
        assertThat(events.get(0).data()).isEqualTo(LDValue.of("triage-agent"));
        LDValue data = trackData(runId, "triage-agent", "agent-v1", 7, "local-agent", "local").build();
        assertThat(events.get(2).data()).isEqualTo(data);
        assertThat(events.get(6).data()).isEqualTo(
                trackData(runId, "triage-agent", "agent-v1", 7, "local-agent", "local").put("toolKey", "lookup_order")
                        .build());
        assertThat(events.get(7).data().get("toolKey").stringValue()).isEqualTo("escalate");
    }

    @Test
    void aModeMismatchGivesADisabledConfigSoTheFallbackAnswers() {
        ModelReply reply = assistant.agentOnACompletionFlag("user-gus", null);

        assertThat(reply.text()).isEqualTo("mismatch fallback");
        assertThat(Assistant.MODEL_CALLS.get()).isZero();
        List<RecordedEvent> events = events(client, local);
        assertThat(events).hasSize(1);
        assertEvent(events.get(0), "$ld:ai:usage:agent-config", "user-gus", LDValue.of("support-chat"), 1);
    }

    @Test
    void aResultTheModelMarksAsFailedIsAnErrorWithItsTokens() {
        assistant.refusing("user-hal", null);

        assertThat(events(client, local)).extracting(RecordedEvent::key).containsExactly(
                "$ld:ai:usage:completion-config", "$ld:ai:duration:total", "$ld:ai:generation:error",
                "$ld:ai:tokens:total", "$ld:ai:tokens:input", "$ld:ai:tokens:output");
    }

    @Test
    void repeatedTrackerCallsInsideTheMethodSendNothingMore() {
        assistant.recordsItsOwnSuccessTwice("user-ida", null);

        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:generation:success", "$ld:ai:duration:total", "$ld:ai:tokens:total", "$ld:ai:tokens:input",
                "$ld:ai:tokens:output");
    }

    @Test
    void feedbackInASecondRequestJoinsTheRunThroughItsResumptionToken() {
        assistant.answer(ANN, "billing", "Where is my invoice?", null, null);
        AiConfigTracker run = Assistant.LAST_TRACKER.get();
        String token = run.resumptionToken();

        // Later, elsewhere: only the token and the user are known.
        ai.trackFeedback(token, ANN, AiFeedbackKind.POSITIVE);

        RecordedEvent feedback = events(client, local).stream()
                .filter(e -> e.key().equals("$ld:ai:feedback:user:positive")).findFirst().orElseThrow();
        // The rebuilt tracker does not know the model or provider: "" as in the reference SDKs.
        assertEvent(feedback, "$ld:ai:feedback:user:positive", "user-ann",
                trackData(run.runId(), "support-chat", "chat-v2", 4, "", "").build(), 1);
    }

    @Test
    void anExtractorFailureIsCountedAndTheCallStillSucceeds() {
        long before = failures.count(Reason.TRACKING_ERROR);

        ModelReply reply = assistant.unreadable("user-jo", null);

        assertThat(reply.text()).isEqualTo("explode");
        assertThat(events(client, local)).extracting(RecordedEvent::key).containsExactly(
                "$ld:ai:usage:completion-config", "$ld:ai:duration:total", "$ld:ai:generation:success");
        assertThat(failures.count(Reason.TRACKING_ERROR)).isEqualTo(before + 1);
    }

    @Test
    void withoutAContextTheConfigIsNotEvaluatedAndTheFallbackAnswers() {
        long before = failures.count(Reason.NO_CONTEXT);

        ModelReply reply = assistant.offWithFallback(null, "hello", null);

        assertThat(reply.text()).isEqualTo("canned: hello (no config)");
        assertThat(failures.count(Reason.NO_CONTEXT)).isEqualTo(before + 1);
        assertThat(events(client, local)).isEmpty();
        assertThatThrownBy(() -> assistant.offWithoutFallback(null, null))
                .isInstanceOfSatisfying(AiConfigDisabledException.class,
                        e -> assertThat(e.reason()).isEqualTo(AiConfigDisabledException.Reason.NO_CONTEXT));
    }

    @Test
    void aConfigThatCannotBeEvaluatedIsAnsweredByTheFallbackAndCounted() {
        long before = failures.count(Reason.TRACKING_ERROR);

        assertThat(assistant.brokenTemplate("user-kai", "hello", null).text()).isEqualTo("canned: hello (no config)");
        assertThatThrownBy(() -> assistant.brokenTemplateWithoutFallback("user-kai", null))
                .isInstanceOfSatisfying(AiConfigDisabledException.class,
                        e -> assertThat(e.reason()).isEqualTo(AiConfigDisabledException.Reason.EVALUATION_FAILED));

        assertThat(Assistant.MODEL_CALLS.get()).isZero();
        assertThat(failures.count(Reason.TRACKING_ERROR)).isEqualTo(before + 2);
        assertThat(events(client, local)).extracting(RecordedEvent::key).containsExactly(
                "$ld:ai:usage:completion-config", "$ld:ai:usage:completion-config");
    }

    @ApplicationScoped
    public static class Assistant {

        @AiGeneration(config = "broken-template", fallback = "offFallback")
        public ModelReply brokenTemplate(@LaunchDarklyContext String user, String question, AiCompletionConfig config) {
            return model(config, null, question);
        }

        @AiGeneration(config = "broken-template")
        public ModelReply brokenTemplateWithoutFallback(@LaunchDarklyContext String user, AiCompletionConfig config) {
            return model(config, null, "never");
        }

        static final AtomicInteger MODEL_CALLS = new AtomicInteger();
        static final AtomicInteger FALLBACK_CALLS = new AtomicInteger();
        static final AtomicReference<AiCompletionConfig> LAST_COMPLETION = new AtomicReference<>();
        static final AtomicReference<AiAgentConfig> LAST_AGENT = new AtomicReference<>();
        static final AtomicReference<AiConfigTracker> LAST_TRACKER = new AtomicReference<>();
        static final IOException MODEL_FAILURE = new IOException("model unavailable");

        @AiGeneration(config = "support-chat", fallback = "cannedAnswer")
        public ModelReply answer(@LaunchDarklyContext LDContext user, @AiVariable("topic") String topic, String question,
                AiCompletionConfig config, AiConfigTracker tracker) {
            return model(config, tracker, question);
        }

        public ModelReply cannedAnswer(LDContext user, String topic, String question, AiCompletionConfig config,
                AiConfigTracker tracker) {
            FALLBACK_CALLS.incrementAndGet();
            return ModelReply.of("canned");
        }

        @AiGeneration(config = "support-chat")
        public ModelReply failing(@LaunchDarklyContext String user, AiCompletionConfig config, AiConfigTracker tracker)
                throws IOException {
            LAST_TRACKER.set(tracker);
            throw MODEL_FAILURE;
        }

        @AiGeneration(config = "chat-off", fallback = "offFallback")
        public ModelReply offWithFallback(@LaunchDarklyContext String user, String question, AiCompletionConfig config) {
            return model(config, null, question);
        }

        ModelReply offFallback(String user, String question, AiCompletionConfig config) {
            FALLBACK_CALLS.incrementAndGet();
            return ModelReply.of("canned: " + question + (config == null ? " (no config)"
                    : " (" + config.key() + " enabled=" + config.enabled() + ")"));
        }

        @AiGeneration(config = "chat-off")
        public ModelReply offWithoutFallback(@LaunchDarklyContext String user, AiCompletionConfig config) {
            return model(config, null, "never");
        }

        @AiGeneration(config = "not-a-flag", defaultConfig = "localDefault")
        public ModelReply withDefault(@LaunchDarklyContext String user, AiCompletionConfig config, AiConfigTracker tracker) {
            return model(config, tracker, "hi");
        }

        AiConfigDefault localDefault() {
            return AiConfigDefault.builder().enabled(true).model(new AiModel("local-fallback-model", null, null))
                    .provider("local").build();
        }

        @AiGeneration(config = "triage-agent")
        public ModelReply triage(@LaunchDarklyContext LDContext context, AiAgentConfig agent) {
            MODEL_CALLS.incrementAndGet();
            LAST_AGENT.set(agent);
            return new ModelReply("triaged", 5, 7, List.of("lookup_order", "escalate"), true);
        }

        @AiGeneration(config = "support-chat", fallback = "mismatchFallback")
        public ModelReply agentOnACompletionFlag(@LaunchDarklyContext String user, AiAgentConfig agent) {
            MODEL_CALLS.incrementAndGet();
            return ModelReply.of("model");
        }

        ModelReply mismatchFallback(String user, AiAgentConfig agent) {
            return ModelReply.of("mismatch fallback");
        }

        @AiGeneration(config = "support-chat")
        public ModelReply refusing(@LaunchDarklyContext String user, AiCompletionConfig config) {
            return new ModelReply("refused", 3, 1, List.of(), false);
        }

        @AiGeneration(config = "support-chat")
        public ModelReply recordsItsOwnSuccessTwice(@LaunchDarklyContext String user, AiConfigTracker tracker) {
            tracker.trackSuccess();
            tracker.trackSuccess();
            return ModelReply.of("ok");
        }

        @AiGeneration(config = "support-chat")
        public ModelReply unreadable(@LaunchDarklyContext String user, AiCompletionConfig config) {
            return ModelReply.of("explode");
        }

        private ModelReply model(AiCompletionConfig config, AiConfigTracker tracker, String question) {
            MODEL_CALLS.incrementAndGet();
            LAST_COMPLETION.set(config);
            LAST_TRACKER.set(tracker);
            return ModelReply.of(config.model().orElseThrow().name() + ": " + question);
        }
    }
}
