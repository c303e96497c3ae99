package io.quarkiverse.launchdarkly.runtime.ai;

import static io.quarkiverse.launchdarkly.runtime.ai.StandInFixture.assertEvent;
import static io.quarkiverse.launchdarkly.runtime.ai.StandInFixture.trackData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.ai.AgentRequest;
import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiFeedbackKind;
import io.quarkiverse.launchdarkly.ai.AiJudgeResult;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import io.quarkiverse.launchdarkly.ai.ModelCall;

/**
 * Bad arguments of the AI client: skipped or rejected before anything is sent, never half-sent. Each test ends by
 * checking, after a marker event, exactly which AI events reached the stand-in.
 */
class BadArgumentsTest {

    static final LDContext USER = LDContext.builder("user-123").name("Ann").build();

    @TempDir
    Path dir;

    StandInFixture ld;

    @BeforeEach
    void start() throws IOException {
        ld = new StandInFixture(dir, LaunchDarklyAiTest.FLAGS);
    }

    @AfterEach
    void stop() throws IOException {
        ld.close();
    }

    @Test
    void aNullOrBlankToolKeySendsNothingAndTheSummaryStaysReadable() {
        AiConfigTracker tracker = ld.ai.agentConfig("triage", USER).createTracker();

        tracker.trackToolCall(null);
        tracker.trackToolCall("  ");
        tracker.trackToolCalls(Arrays.asList("search", null, "", "lookup"));
        tracker.trackToolCalls(null);

        List<String> sent = ld.local.events().awaitCustomEvents("$ld:ai:tool_call", 2, StandInFixture.WAIT).stream()
                .map(e -> e.data().get("toolKey").stringValue()).toList();
        ld.deliverEverythingSoFar();
        assertThat(ld.local.events().customEvents("$ld:ai:tool_call")).hasSize(2);
        assertThat(sent).containsExactly("search", "lookup");
        assertThat(tracker.summary().toolCalls()).containsExactly("search", "lookup");
    }

    @Test
    void agentConfigsSkipsNullRequestsAndCountsOnlyTheOthers() {
        Map<String, AiAgentConfig> agents = ld.ai.agentConfigs(Arrays.asList(AgentRequest.of("triage"), null), USER);

        assertThat(agents).containsOnlyKeys("triage");
        assertEvent(ld.only("$ld:ai:usage:agent-configs"), "$ld:ai:usage:agent-configs", "user", "user-123",
                LDValue.of(1), 1);
        assertThat(ld.warnings).containsExactly("agentConfigs: skipping a null request; it is not evaluated or counted.");
    }

    @Test
    void clientCallsRejectAMissingKeyContextOrListBeforeAnyUsageEvent() {
        assertThatThrownBy(() -> ld.ai.completionConfig(null, USER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The AI Config key must not be null");
        assertThatThrownBy(() -> ld.ai.agentConfig(" ", USER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The AI Config key must not be blank");
        assertThatThrownBy(() -> ld.ai.judgeConfig("relevance-judge", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("The LaunchDarkly context must not be null");
        assertThatThrownBy(() -> ld.ai.completionConfigTemplate("chat", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ld.ai.agentConfigTemplate("", USER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ld.ai.judgeConfigTemplate(null, USER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ld.ai.agentConfigs(null, USER)).isInstanceOf(NullPointerException.class)
                .hasMessage("agentConfigs: the list of requests must not be null");
        assertThatThrownBy(() -> ld.ai.agentConfigs(List.of(AgentRequest.of("triage")), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AgentRequest.of(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The AI Config key of an agent request must not be blank");
        assertThatThrownBy(() -> ld.ai.trackerFromResumptionToken(null, USER))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Not an AI Config resumption token: null");
        String token = ld.ai.completionConfig("chat", USER).createTracker().resumptionToken();
        assertThatThrownBy(() -> ld.ai.trackerFromResumptionToken(token, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ld.ai.trackFeedback(token, USER, null)).isInstanceOf(NullPointerException.class);

        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).containsExactlyInAnyOrder("$ld:ai:sdk:info", "$ld:ai:usage:completion-config");
    }

    @Test
    void nullTrackerArgumentsSendNothingClaimNoSlotAndWarn() {
        AiConfigTracker tracker = ld.ai.completionConfig("chat", USER).createTracker();

        tracker.trackTokens(null);
        tracker.trackFeedback(null);
        tracker.trackJudgeResult(null);
        tracker.trackJudgeResult(new AiJudgeResult("j", true, null, true, " ", 0.5, null));
        tracker.trackJudgeResult(new AiJudgeResult("j", true, null, true, "$ld:ai:judge:nan", Double.NaN, null));
        tracker.trackJudgeResult(new AiJudgeResult("j", true, null, true, "$ld:ai:judge:inf",
                Double.POSITIVE_INFINITY, null));
        // A null extractor or call is rejected before the call runs: no duration without an outcome.
        assertThatThrownBy(() -> tracker.trackMetricsOf(null, () -> "answer")).isInstanceOf(NullPointerException.class)
                .hasMessage("trackMetricsOf: the extractor must not be null");
        assertThatThrownBy(() -> tracker.trackMetricsOf(r -> AiMetrics.succeeded(), (ModelCall<String, RuntimeException>) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> tracker.trackDurationOf(null)).isInstanceOf(NullPointerException.class);
        // The slots are still free.
        tracker.trackTokens(new AiTokenUsage(3, 1, 2));
        tracker.trackFeedback(AiFeedbackKind.POSITIVE);

        assertEvent(ld.only("$ld:ai:tokens:total"), "$ld:ai:tokens:total", "user", "user-123",
                trackData(tracker.runId(), "chat", "v1", 3, "gpt-4o", "openai", 2, "my-model").build(), 3);
        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).containsExactlyInAnyOrder("$ld:ai:sdk:info", "$ld:ai:usage:completion-config",
                "$ld:ai:tokens:total", "$ld:ai:tokens:input", "$ld:ai:tokens:output",
                "$ld:ai:feedback:user:positive");
        assertThat(ld.warnings).containsExactly("Skipping trackTokens: the token usage is null.",
                "Skipping trackFeedback: the feedback kind is null.",
                "Skipping trackJudgeResult: the judge result is null.");
        assertThat(tracker.summary().durationMs()).isEmpty();
    }
}
