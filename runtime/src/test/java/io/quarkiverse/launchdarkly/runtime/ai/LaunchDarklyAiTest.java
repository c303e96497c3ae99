package io.quarkiverse.launchdarkly.runtime.ai;

import static io.quarkiverse.launchdarkly.runtime.ai.StandInFixture.UUID_V4;
import static io.quarkiverse.launchdarkly.runtime.ai.StandInFixture.assertEvent;
import static io.quarkiverse.launchdarkly.runtime.ai.StandInFixture.trackData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.launchdarkly.sdk.ContextKind;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.ai.AgentRequest;
import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDefault;
import io.quarkiverse.launchdarkly.ai.AiConfigMode;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiFeedbackKind;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfig;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfiguration;
import io.quarkiverse.launchdarkly.ai.AiJudgeResult;
import io.quarkiverse.launchdarkly.ai.AiMessage;
import io.quarkiverse.launchdarkly.ai.AiMetricSummary;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiModel;
import io.quarkiverse.launchdarkly.ai.AiProvider;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import io.quarkiverse.launchdarkly.ai.AiTool;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.runtime.client.ExtensionVersion;
import io.quarkiverse.launchdarkly.test.RecordedEvent;

/** The AI client over the real SDK and the stand-in: configs in, every event checked field by field at the stand-in. */
class LaunchDarklyAiTest {

    static final String FLAGS = """
            {"flagValues": {
              "chat": {
                "_ldMeta": {"enabled": true, "variationKey": "v1", "version": 3, "mode": "completion",
                            "modelKey": "my-model", "modelVersion": 2},
                "model": {"name": "gpt-4o", "parameters": {"temperature": 0.2,
                          "tools": [{"name": "lookup", "type": "function"}, {"type": "nameless"}]}},
                "provider": {"name": "openai"},
                "messages": [{"role": "system", "content": "Hello {{ldctx.name}}, about {{topic}}"},
                             {"role": "user", "content": "{{html}} [{{missing}}] {{count}} {{ldctx.kind}}"}],
                "judgeConfiguration": {"judges": [{"key": "relevance-judge", "samplingRate": 0.5}]}
              },
              "chat-off": {
                "_ldMeta": {"enabled": false, "variationKey": "off", "version": 4},
                "model": {"name": "gpt-4o-mini"},
                "messages": [{"role": "system", "content": "unused"}]
              },
              "triage": {
                "_ldMeta": {"enabled": true, "variationKey": "agent-v", "version": 7, "mode": "agent"},
                "model": {"name": "claude"},
                "provider": {"name": "anthropic"},
                "instructions": "You triage for {{ldctx.key}} ({{ldctx.user.name}}, {{ldctx.organization.key}})",
                "tools": {"search": {"description": "Searches", "type": "function",
                                     "parameters": {"type": "object"}}}
              },
              "relevance-judge": {
                "_ldMeta": {"enabled": true, "variationKey": "j1", "version": 2, "mode": "judge"},
                "model": {"name": "gpt-4o"},
                "provider": {"name": "openai"},
                "messages": [{"role": "system", "content": "Judge for {{ldctx.key}}: {{message_history}}"},
                             {"role": "user", "content": "Rate {{response_to_evaluate}}"},
                             {"role": "user", "content": "Be fair, {{ldctx.name}}"}],
                "evaluationMetricKey": "  $ld:ai:judge:relevance  "
              }
            }}
            """;

    static final LDContext USER = LDContext.builder("user-123").name("Ann").build();

    @TempDir
    Path dir;

    StandInFixture ld;

    @BeforeEach
    void start() throws IOException {
        ld = new StandInFixture(dir, FLAGS);
    }

    @AfterEach
    void stop() throws IOException {
        ld.close();
    }

    @Test
    void anEnabledCompletionConfigWithSuccessAndTokens() {
        AiCompletionConfig config = ld.ai.completionConfig("chat", USER, null,
                Map.of("topic", "billing", "html", "<b>&\"'</b>", "count", LDValue.of(3)));

        assertThat(config.enabled()).isTrue();
        assertThat(config.key()).isEqualTo("chat");
        assertThat(config.mode()).isEqualTo(AiConfigMode.COMPLETION);
        assertThat(config.variationKey()).isEqualTo("v1");
        assertThat(config.version()).isEqualTo(3);
        assertThat(config.modelKey()).contains("my-model");
        assertThat(config.modelVersion()).isEqualTo(2);
        assertThat(config.model().orElseThrow().name()).isEqualTo("gpt-4o");
        assertThat(config.model().orElseThrow().parameter("temperature")).contains(LDValue.of(0.2));
        assertThat(config.provider()).contains(new AiProvider("openai"));
        assertThat(config.messages()).containsExactly(
                AiMessage.system("Hello Ann, about billing"),
                AiMessage.user("<b>&\"'</b> [] 3 user"));
        assertThat(config.tools()).containsExactly(new AiTool("lookup", null, "function", LDValue.ofNull()));
        assertThat(config.judgeConfiguration().orElseThrow().judges())
                .containsExactly(new AiJudgeConfiguration.Judge("relevance-judge", 0.5));

        AiConfigTracker tracker = config.createTracker();
        String answer = tracker.trackMetricsOf(response -> AiMetrics.succeeded(new AiTokenUsage(30, 10, 20)),
                () -> "the answer");
        assertThat(answer).isEqualTo("the answer");

        RecordedEvent info = ld.only(LaunchDarklyAiClient.SDK_INFO);
        assertEvent(info, "$ld:ai:sdk:info", "ld_ai", "ld-internal-tracking", LDValue.buildObject()
                .put("aiSdkName", "quarkus-launchdarkly")
                .put("aiSdkVersion", ExtensionVersion.get())
                .put("aiSdkLanguage", "java").build(), 1);
        assertThat(info.context().get("anonymous")).isEqualTo(LDValue.of(true));
        assertEvent(ld.only("$ld:ai:usage:completion-config"), "$ld:ai:usage:completion-config", "user", "user-123",
                LDValue.of("chat"), 1);

        RecordedEvent duration = ld.only("$ld:ai:duration:total");
        String runId = duration.data().get("runId").stringValue();
        assertThat(runId).matches(UUID_V4).isEqualTo(tracker.runId());
        LDValue data = trackData(runId, "chat", "v1", 3, "gpt-4o", "openai", 2, "my-model").build();
        assertEvent(duration, "$ld:ai:duration:total", "user", "user-123", data, duration.metricValue());
        assertThat(duration.metricValue()).isGreaterThanOrEqualTo(0);
        RecordedEvent success = ld.only("$ld:ai:generation:success");
        assertEvent(success, "$ld:ai:generation:success", "user", "user-123", data, 1);
        RecordedEvent total = ld.only("$ld:ai:tokens:total");
        RecordedEvent input = ld.only("$ld:ai:tokens:input");
        RecordedEvent output = ld.only("$ld:ai:tokens:output");
        assertEvent(total, "$ld:ai:tokens:total", "user", "user-123", data, 30);
        assertEvent(input, "$ld:ai:tokens:input", "user", "user-123", data, 10);
        assertEvent(output, "$ld:ai:tokens:output", "user", "user-123", data, 20);
        assertThat(List.of(duration, success, total, input, output)).extracting(RecordedEvent::sequence).isSorted();
        ld.local.events().assertNoCustomEvent("$ld:ai:generation:error", Duration.ofMillis(200));

        AiMetricSummary summary = tracker.summary();
        assertThat(summary.success()).contains(true);
        assertThat(summary.tokens()).contains(new AiTokenUsage(30, 10, 20));
        assertThat(summary.durationMs()).isPresent();
        assertThat(summary.resumptionToken()).isEqualTo(tracker.resumptionToken());
        assertThat(ld.warnings).isEmpty();
    }

    @Test
    void aModelExceptionSendsDurationThenErrorAndIsRethrownUnchanged() {
        AiConfigTracker tracker = ld.ai.completionConfig("chat", USER).createTracker();
        IOException failure = new IOException("model down");

        assertThatThrownBy(() -> tracker.trackMetricsOf(r -> AiMetrics.succeeded(), () -> {
            throw failure;
        })).isSameAs(failure);

        RecordedEvent duration = ld.only("$ld:ai:duration:total");
        RecordedEvent error = ld.only("$ld:ai:generation:error");
        LDValue data = trackData(tracker.runId(), "chat", "v1", 3, "gpt-4o", "openai", 2, "my-model").build();
        assertEvent(duration, "$ld:ai:duration:total", "user", "user-123", data, duration.metricValue());
        assertEvent(error, "$ld:ai:generation:error", "user", "user-123", data, 1);
        assertThat(duration.sequence()).isLessThan(error.sequence());
        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).doesNotContain("$ld:ai:generation:success", "$ld:ai:tokens:total");
    }

    @Test
    void anExtractorFailureSendsOnlyTheDurationAndAFailedResultAnError() {
        AiCompletionConfig config = ld.ai.completionConfig("chat", USER);
        IllegalStateException bad = new IllegalStateException("cannot read response");
        AiConfigTracker first = config.createTracker();
        assertThatThrownBy(() -> first.trackMetricsOf(r -> {
            throw bad;
        }, () -> "response")).isSameAs(bad);
        AiConfigTracker second = config.createTracker();
        assertThat(second.runId()).isNotEqualTo(first.runId());
        second.trackMetricsOf(r -> AiMetrics.failed().withToolCalls(List.of("lookup")), () -> "response");

        List<RecordedEvent> durations = ld.local.events().awaitCustomEvents("$ld:ai:duration:total", 2,
                StandInFixture.WAIT);
        assertThat(durations).extracting(e -> e.data().get("runId").stringValue())
                .containsExactlyInAnyOrder(first.runId(), second.runId());
        RecordedEvent error = ld.only("$ld:ai:generation:error");
        assertThat(error.data().get("runId").stringValue()).isEqualTo(second.runId());
        assertThat(ld.only("$ld:ai:tool_call").data().get("toolKey").stringValue()).isEqualTo("lookup");
        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).doesNotContain("$ld:ai:generation:success");
    }

    @Test
    void aDisabledConfigSendsOnlyItsUsageEvent() {
        AiCompletionConfig config = ld.ai.completionConfig("chat-off", USER);

        assertThat(config.enabled()).isFalse();
        assertThat(config.variationKey()).isEqualTo("off");
        assertThat(config.model().orElseThrow().name()).isEqualTo("gpt-4o-mini");
        assertEvent(ld.only("$ld:ai:usage:completion-config"), "$ld:ai:usage:completion-config", "user", "user-123",
                LDValue.of("chat-off"), 1);
        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).containsExactlyInAnyOrder("$ld:ai:sdk:info", "$ld:ai:usage:completion-config");
    }

    @Test
    void aMissingFlagYieldsTheDefault() {
        AiConfigDefault fallback = AiConfigDefault.builder()
                .enabled(true)
                .model(AiModel.named("fallback-model").withParameter("temperature", LDValue.of(0.5)))
                .provider("openai")
                .message(AiMessage.system("Hi {{ldctx.key}}"))
                .build();

        AiCompletionConfig config = ld.ai.completionConfig("no-such-flag", USER, fallback);

        assertThat(config.enabled()).isTrue();
        assertThat(config.model().orElseThrow().name()).isEqualTo("fallback-model");
        assertThat(config.model().orElseThrow().parameter("temperature")).contains(LDValue.of(0.5));
        assertThat(config.provider()).contains(new AiProvider("openai"));
        assertThat(config.messages()).containsExactly(AiMessage.system("Hi user-123"));
        assertThat(config.variationKey()).isEmpty();
        assertThat(config.version()).isEqualTo(1);

        AiConfigTracker tracker = config.createTracker();
        tracker.trackSuccess();
        assertEvent(ld.only("$ld:ai:generation:success"), "$ld:ai:generation:success", "user", "user-123",
                trackData(tracker.runId(), "no-such-flag", "", 1, "fallback-model", "openai", 1, null).build(), 1);

        AiCompletionConfig noDefault = ld.ai.completionConfig("no-such-flag", USER);
        assertThat(noDefault.enabled()).isFalse();
        assertThat(noDefault.messages()).isEmpty();
        assertThat(noDefault.model()).isEmpty();
    }

    @Test
    void anAgentConfigWithAMultiKindContextAndABatch() {
        LDContext multi = LDContext.createMulti(USER,
                LDContext.builder(ContextKind.of("organization"), "org-9").build());

        AiAgentConfig agent = ld.ai.agentConfig("triage", multi);

        assertThat(agent.enabled()).isTrue();
        assertThat(agent.instructions()).contains("You triage for organization:org-9:user:user-123 (Ann, org-9)");
        assertThat(agent.tools()).containsExactly(new AiTool("search", "Searches", "function",
                LDValue.buildObject().put("type", "object").build()));
        assertEvent(ld.only("$ld:ai:usage:agent-config"), "$ld:ai:usage:agent-config", "multi", null,
                LDValue.of("triage"), 1);

        AiAgentConfig single = ld.ai.agentConfig("triage", LDContext.create("user-7"));
        assertThat(single.instructions()).contains("You triage for user-7 (, )");

        Map<String, AiAgentConfig> batch = ld.ai.agentConfigs(List.of(AgentRequest.of("triage"),
                AgentRequest.of("absent-agent", AiConfigDefault.builder().enabled(true).instructions("Be {{mood}}")
                        .build(), Map.of("mood", "kind"))),
                USER);
        assertThat(batch).containsOnlyKeys("triage", "absent-agent");
        assertThat(batch.get("triage").instructions()).contains("You triage for user-123 (, )");
        assertThat(batch.get("absent-agent").instructions()).contains("Be kind");
        assertEvent(ld.only("$ld:ai:usage:agent-configs"), "$ld:ai:usage:agent-configs", "user", "user-123",
                LDValue.of(2), 2);
        assertThat(ld.local.events().awaitCustomEvents("$ld:ai:usage:agent-config", 2, StandInFixture.WAIT))
                .as("the batch sends no per-agent usage event").hasSize(2);
        ld.deliverEverythingSoFar();
        assertThat(ld.local.events().customEvents("$ld:ai:usage:agent-config")).hasSize(2);
    }

    @Test
    void aKeyTheEnvironmentDoesNotHaveIsReportedOnceAndAnswersWithTheDefault() {
        AiCompletionConfig config = ld.ai.completionConfig("no-such-config", USER);
        ld.ai.completionConfig("no-such-config", USER);

        assertThat(config.enabled()).isFalse();
        assertThat(ld.warnings).containsExactly("The AI Config 'no-such-config' is not a flag of this LaunchDarkly"
                + " environment, so every evaluation answers with its default; check the key (logged once per key)");
    }

    @Test
    void aModeMismatchGivesADisabledConfigWhoseTrackerKeepsTheFlagsIdentity() {
        AiCompletionConfig config = ld.ai.completionConfig("triage", USER);

        assertThat(ld.warnings).containsExactly(
                "AI Config mode mismatch for triage: expected completion, got agent. Returning disabled config"
                        + " (logged once per key)");
        assertThat(config.enabled()).isFalse();
        assertThat(config.messages()).isEmpty();
        assertThat(config.model()).isEmpty();
        assertThat(config.provider()).isEmpty();
        assertThat(config.variationKey()).isEqualTo("agent-v");
        assertThat(config.version()).isEqualTo(7);

        AiConfigTracker tracker = config.createTracker();
        tracker.trackError();
        assertEvent(ld.only("$ld:ai:generation:error"), "$ld:ai:generation:error", "user", "user-123",
                trackData(tracker.runId(), "triage", "agent-v", 7, "claude", "anthropic", 1, null).build(), 1);

        ld.ai.completionConfig("triage", USER);
        assertThat(ld.warnings).as("logged once per key").hasSize(1);

        AiJudgeConfig asJudge = ld.ai.judgeConfig("chat", USER);
        assertThat(asJudge.enabled()).isFalse();
        assertThat(ld.warnings).last().isEqualTo(
                "AI Config mode mismatch for chat: expected judge, got completion. Returning disabled config"
                        + " (logged once per key)");
    }

    @Test
    void toolCallsSendOneEventEachWithTheirToolKey() {
        AiAgentConfig agent = ld.ai.agentConfig("triage", USER);
        AiConfigTracker tracker = agent.createTracker();

        tracker.trackToolCalls(List.of("search", "lookup"));
        tracker.trackToolCall("search");

        List<RecordedEvent> calls = ld.local.events().awaitCustomEvents("$ld:ai:tool_call", 3, StandInFixture.WAIT);
        assertThat(calls).hasSize(3);
        List<String> toolKeys = List.of("search", "lookup", "search");
        for (int i = 0; i < 3; i++) {
            assertEvent(calls.get(i), "$ld:ai:tool_call", "user", "user-123",
                    trackData(tracker.runId(), "triage", "agent-v", 7, "claude", "anthropic", 1, null)
                            .put("toolKey", toolKeys.get(i)).build(),
                    1);
        }
        assertThat(tracker.summary().toolCalls()).containsExactly("search", "lookup", "search");
    }

    @Test
    void feedbackFromATrackerRebuiltFromItsResumptionTokenJoinsTheRun() {
        AiConfigTracker original = ld.ai.completionConfig("chat", USER).createTracker();
        original.trackSuccess();
        String token = original.resumptionToken();

        // Later, in another request: a new AI client, the same user.
        LaunchDarklyAi later = new LaunchDarklyAiClient(ld.client, ld.warnings::add);
        AiConfigTracker rebuilt = later.trackerFromResumptionToken(token, LDContext.builder("user-123").build());
        assertThat(rebuilt.runId()).isEqualTo(original.runId());
        rebuilt.trackFeedback(AiFeedbackKind.POSITIVE);

        RecordedEvent success = ld.only("$ld:ai:generation:success");
        RecordedEvent feedback = ld.only("$ld:ai:feedback:user:positive");
        assertThat(feedback.data().get("runId")).isEqualTo(success.data().get("runId"));
        assertEvent(feedback, "$ld:ai:feedback:user:positive", "user", "user-123",
                trackData(original.runId(), "chat", "v1", 3, "", "", 1, null).build(), 1);
        assertThat(ld.local.events().awaitCustomEvents(LaunchDarklyAiClient.SDK_INFO, 2, StandInFixture.WAIT))
                .as("one SDK info event per AI client").hasSize(2);
    }

    @Test
    void repeatedGuardedCallsSendNothingAndWarn() {
        AiConfigTracker tracker = ld.ai.completionConfig("chat", USER).createTracker();

        tracker.trackDuration(120);
        tracker.trackDuration(130);
        tracker.trackTimeToFirstToken(40);
        tracker.trackTimeToFirstToken(50);
        tracker.trackSuccess();
        tracker.trackError();
        tracker.trackSuccess();
        tracker.trackFeedback(AiFeedbackKind.NEGATIVE);
        tracker.trackFeedback(AiFeedbackKind.POSITIVE);
        tracker.trackTokens(new AiTokenUsage(5, 0, 5));
        tracker.trackTokens(new AiTokenUsage(9, 4, 5));
        tracker.trackJudgeResult(new AiJudgeResult("relevance-judge", true, null, false, "$ld:ai:judge:x", 0.9, null));
        tracker.trackJudgeResult(new AiJudgeResult("relevance-judge", false, "timeout", true, "$ld:ai:judge:x", 0.9,
                null));
        ld.deliverEverythingSoFar();

        LDValue data = trackData(tracker.runId(), "chat", "v1", 3, "gpt-4o", "openai", 2, "my-model").build();
        assertEvent(ld.only("$ld:ai:duration:total"), "$ld:ai:duration:total", "user", "user-123", data, 120);
        assertEvent(ld.only("$ld:ai:tokens:ttf"), "$ld:ai:tokens:ttf", "user", "user-123", data, 40);
        assertEvent(ld.only("$ld:ai:generation:success"), "$ld:ai:generation:success", "user", "user-123", data, 1);
        assertEvent(ld.only("$ld:ai:feedback:user:negative"), "$ld:ai:feedback:user:negative", "user", "user-123",
                data, 1);
        assertEvent(ld.only("$ld:ai:tokens:total"), "$ld:ai:tokens:total", "user", "user-123", data, 5);
        assertEvent(ld.only("$ld:ai:tokens:output"), "$ld:ai:tokens:output", "user", "user-123", data, 5);
        for (String never : List.of("$ld:ai:generation:error", "$ld:ai:feedback:user:positive", "$ld:ai:tokens:input",
                "$ld:ai:judge:x")) {
            ld.local.events().assertNoCustomEvent(never, Duration.ofMillis(100));
        }
        String hint = " Call createTracker on the AI Config for a new run.";
        assertThat(ld.warnings).containsExactly(
                "Skipping trackDuration: duration already recorded on this tracker." + hint,
                "Skipping trackTimeToFirstToken: time-to-first-token already recorded on this tracker." + hint,
                "Skipping trackError: success/error already recorded on this tracker." + hint,
                "Skipping trackSuccess: success/error already recorded on this tracker." + hint,
                "Skipping trackFeedback: feedback already recorded on this tracker." + hint,
                "Skipping trackTokens: token usage already recorded on this tracker." + hint);
        AiMetricSummary summary = tracker.summary();
        assertThat(summary.durationMs()).hasValue(120);
        assertThat(summary.timeToFirstTokenMs()).hasValue(40);
        assertThat(summary.feedback()).contains(AiFeedbackKind.NEGATIVE);
    }

    @Test
    void aJudgeConfigKeepsItsReservedPlaceholdersAndScoresUnderItsMetricKey() {
        AiJudgeConfig judge = ld.ai.judgeConfig("relevance-judge", USER, null,
                Map.of("message_history", "caller value"));

        assertThat(judge.enabled()).isTrue();
        assertThat(judge.evaluationMetricKey()).contains("$ld:ai:judge:relevance");
        assertThat(judge.messages()).containsExactly(
                AiMessage.system("Judge for user-123: {{message_history}}"),
                AiMessage.user("Be fair, Ann"));
        assertThat(ld.warnings).containsExactly(
                "The variable 'message_history' is reserved by the judge and will be ignored.");

        AiConfigTracker chatTracker = ld.ai.completionConfig("chat", USER).createTracker();
        chatTracker.trackJudgeResult(AiJudgeResult.scored("relevance-judge", judge.evaluationMetricKey().orElseThrow(),
                0.75));
        assertEvent(ld.only("$ld:ai:judge:relevance"), "$ld:ai:judge:relevance", "user", "user-123",
                trackData(chatTracker.runId(), "chat", "v1", 3, "gpt-4o", "openai", 2, "my-model")
                        .put("judgeConfigKey", "relevance-judge").build(),
                0.75);
        assertEvent(ld.only("$ld:ai:usage:judge-config"), "$ld:ai:usage:judge-config", "user", "user-123",
                LDValue.of("relevance-judge"), 1);
    }

    @Test
    void templateVariantsReturnTheContentAsWrittenAndSendTheirOwnUsageEvent() {
        AiCompletionConfig completion = ld.ai.completionConfigTemplate("chat", USER);
        AiAgentConfig agent = ld.ai.agentConfigTemplate("triage", USER);
        AiJudgeConfig judge = ld.ai.judgeConfigTemplate("relevance-judge", USER);

        assertThat(completion.messages()).extracting(AiMessage::content)
                .containsExactly("Hello {{ldctx.name}}, about {{topic}}", "{{html}} [{{missing}}] {{count}} {{ldctx.kind}}");
        assertThat(agent.instructions()).contains(
                "You triage for {{ldctx.key}} ({{ldctx.user.name}}, {{ldctx.organization.key}})");
        assertThat(judge.messages()).hasSize(3);
        assertEvent(ld.only("$ld:ai:usage:completion-config-template"), "$ld:ai:usage:completion-config-template",
                "user", "user-123", LDValue.of("chat"), 1);
        assertEvent(ld.only("$ld:ai:usage:agent-config-template"), "$ld:ai:usage:agent-config-template", "user",
                "user-123", LDValue.of("triage"), 1);
        assertEvent(ld.only("$ld:ai:usage:judge-config-template"), "$ld:ai:usage:judge-config-template", "user",
                "user-123", LDValue.of("relevance-judge"), 1);
        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).doesNotContain("$ld:ai:usage:completion-config", "$ld:ai:usage:agent-config",
                "$ld:ai:usage:judge-config");
    }

    @Test
    void interpolationNeverEscapesRendersMissingAsEmptyAndLdctxWins() {
        AiConfigDefault fallback = AiConfigDefault.builder().enabled(true)
                .message(AiMessage.user("{{x}}|{{{x}}}|[{{nope}}]|[{{ldctx.nope.deeper}}]|{{ldctx.key}}|{{ldctx.tier}}"
                        + "|{{#ldctx.anonymous}}anon{{/ldctx.anonymous}}{{^ldctx.anonymous}}known{{/ldctx.anonymous}}"))
                .build();
        LDContext gold = LDContext.builder("user-5").set("tier", "gold").build();

        AiCompletionConfig config = ld.ai.completionConfig("not-a-flag", gold, fallback,
                Map.of("x", "<b>&\"'</b>", "ldctx", Map.of("key", "forged")));

        assertThat(config.messages().get(0).content())
                .isEqualTo("<b>&\"'</b>|<b>&\"'</b>|[]|[]|user-5|gold|known");
    }
}
