package io.quarkiverse.launchdarkly.runtime.ai;

import static io.quarkiverse.launchdarkly.runtime.ai.StandInFixture.UUID_V4;
import static io.quarkiverse.launchdarkly.runtime.ai.StandInFixture.assertEvent;
import static io.quarkiverse.launchdarkly.runtime.ai.StandInFixture.trackData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;

import io.quarkiverse.launchdarkly.ai.AiAgentGraph;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiGraphEdge;
import io.quarkiverse.launchdarkly.ai.AiGraphNode;
import io.quarkiverse.launchdarkly.ai.AiGraphTracker;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import io.quarkiverse.launchdarkly.test.RecordedEvent;

/** Agent graphs over the real SDK and the stand-in: evaluation, structure, and every graph event at the stand-in. */
class AgentGraphTest {

    static final String FLAGS = """
            {"flagValues": {
              "support-graph": {
                "_ldMeta": {"variationKey": "g1", "version": 2, "enabled": true},
                "root": "triage-agent",
                "edges": {
                  "triage-agent": [{"key": "billing-agent", "handoff": {}}, {"key": "tech-agent"}],
                  "billing-agent": [{"key": "tech-agent", "handoff": {"reason": "escalate"}}],
                  "tech-agent": [{"key": "triage-agent"}]
                }
              },
              "bare-graph": {"root": "triage-agent"},
              "graph-off": {"_ldMeta": {"variationKey": "off", "version": 3, "enabled": false},
                            "root": "triage-agent"},
              "graph-no-root": {"_ldMeta": {"variationKey": "nr", "version": 1, "enabled": true},
                                "edges": {"triage-agent": [{"key": "billing-agent"}]}},
              "graph-orphan": {"_ldMeta": {"variationKey": "o", "version": 1, "enabled": true},
                               "root": "triage-agent",
                               "edges": {"triage-agent": [{"key": "billing-agent"}],
                                         "tech-agent": [{"key": "billing-agent"}]}},
              "graph-off-node": {"_ldMeta": {"variationKey": "d", "version": 1, "enabled": true},
                                 "root": "triage-agent", "edges": {"triage-agent": [{"key": "off-agent"}]}},
              "triage-agent": {"_ldMeta": {"enabled": true, "variationKey": "t1", "version": 4, "mode": "agent"},
                               "model": {"name": "gpt-4o"}, "provider": {"name": "openai"},
                               "instructions": "Triage for {{ldctx.key}} about {{topic}}"},
              "billing-agent": {"_ldMeta": {"enabled": true, "variationKey": "b1", "version": 1, "mode": "agent"},
                                "model": {"name": "claude"}, "instructions": "Bill"},
              "tech-agent": {"_ldMeta": {"enabled": true, "variationKey": "te1", "version": 1, "mode": "agent"},
                             "instructions": "Fix"},
              "off-agent": {"_ldMeta": {"enabled": false, "variationKey": "x", "version": 1, "mode": "agent"},
                            "instructions": "Off"}
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

    static ObjectBuilder graphData(String runId, String graphKey, String variationKey, int version) {
        ObjectBuilder data = LDValue.buildObject().put("runId", runId).put("graphKey", graphKey).put("version", version);
        if (variationKey != null) {
            data.put("variationKey", variationKey);
        }
        return data;
    }

    @Test
    void anEnabledGraphHasItsNodesEdgesAndTraversalAndSendsOneUsageEvent() {
        AiAgentGraph graph = ld.ai.agentGraph("support-graph", USER, Map.of("topic", "refunds"));

        assertThat(graph.enabled()).isTrue();
        assertThat(graph.disabledReason()).isEmpty();
        assertThat(graph.variationKey()).contains("g1");
        assertThat(graph.version()).isEqualTo(2);
        assertThat(graph.root().orElseThrow().key()).isEqualTo("triage-agent");
        assertThat(graph.nodes()).containsOnlyKeys("triage-agent", "billing-agent", "tech-agent");
        assertThat(graph.children("triage-agent")).extracting(AiGraphNode::key)
                .containsExactly("billing-agent", "tech-agent");
        assertThat(graph.parents("tech-agent")).extracting(AiGraphNode::key)
                .containsExactly("triage-agent", "billing-agent");
        assertThat(graph.parents("triage-agent")).extracting(AiGraphNode::key).containsExactly("tech-agent");
        assertThat(graph.children("no-such-node")).isEmpty();
        assertThat(graph.breadthFirst()).extracting(AiGraphNode::key)
                .containsExactly("triage-agent", "billing-agent", "tech-agent");
        List<AiGraphEdge> edges = graph.node("triage-agent").orElseThrow().edges();
        assertThat(edges).containsExactly(
                new AiGraphEdge("triage-agent", "billing-agent", LDValue.buildObject().build()),
                new AiGraphEdge("triage-agent", "tech-agent", LDValue.ofNull()));
        assertThat(graph.node("billing-agent").orElseThrow().edges().get(0).handoff())
                .isEqualTo(LDValue.buildObject().put("reason", "escalate").build());
        assertThat(graph.node("tech-agent").orElseThrow().terminal()).isFalse();
        assertThat(graph.node("triage-agent").orElseThrow().config().instructions())
                .contains("Triage for user-123 about refunds");

        assertEvent(ld.only("$ld:ai:usage:agent-graph"), "$ld:ai:usage:agent-graph", "user", "user-123",
                LDValue.of("support-graph"), 1);
        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).as("no usage event for the node configs")
                .containsExactlyInAnyOrder("$ld:ai:sdk:info", "$ld:ai:usage:agent-graph");
    }

    @Test
    void nodeTrackersCarryTheGraphKeyInTheirDataAndToken() {
        AiAgentGraph graph = ld.ai.agentGraph("support-graph", USER);
        AiConfigTracker node = graph.node("triage-agent").orElseThrow().config().createTracker();

        node.trackSuccess();

        assertEvent(ld.only("$ld:ai:generation:success"), "$ld:ai:generation:success", "user", "user-123",
                trackData(node.runId(), "triage-agent", "t1", 4, "gpt-4o", "openai", 1, null)
                        .put("graphKey", "support-graph").build(),
                1);
        String json = new String(Base64.getUrlDecoder().decode(node.resumptionToken()), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"runId\":\"" + node.runId() + "\",\"configKey\":\"triage-agent\","
                + "\"variationKey\":\"t1\",\"version\":4,\"graphKey\":\"support-graph\"}");
        AiConfigTracker rebuilt = ld.ai.trackerFromResumptionToken(node.resumptionToken(), USER);
        assertThat(rebuilt.trackData().get("graphKey")).isEqualTo(LDValue.of("support-graph"));
        assertThatThrownBy(() -> ld.ai.graphTrackerFromResumptionToken(node.resumptionToken(), USER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not an agent graph resumption token: it names the AI Config \"triage-agent\""
                        + " (a node's or config's token)");
    }

    @Test
    void theGraphTrackerSendsEveryGraphEventWithItsData() {
        AiAgentGraph graph = ld.ai.agentGraph("support-graph", USER);
        AiGraphTracker tracker = graph.createTracker();
        AiConfigTracker node = graph.root().orElseThrow().config().createTracker();
        assertThat(tracker.runId()).matches(UUID_V4).isNotEqualTo(node.runId())
                .isNotEqualTo(graph.createTracker().runId());

        tracker.trackInvocationSuccess();
        tracker.trackDuration(250);
        tracker.trackTotalTokens(new AiTokenUsage(42, 30, 12));
        tracker.trackPath(List.of("triage-agent", "billing-agent"));
        tracker.trackRedirect("triage-agent", "tech-agent");
        tracker.trackHandoffSuccess("triage-agent", "billing-agent");
        tracker.trackHandoffFailure("billing-agent", "tech-agent");

        LDValue base = graphData(tracker.runId(), "support-graph", "g1", 2).build();
        assertThat(tracker.trackData()).isEqualTo(base);
        assertEvent(ld.only("$ld:ai:graph:invocation_success"), "$ld:ai:graph:invocation_success", "user", "user-123",
                base, 1);
        assertEvent(ld.only("$ld:ai:graph:duration:total"), "$ld:ai:graph:duration:total", "user", "user-123", base,
                250);
        assertEvent(ld.only("$ld:ai:graph:total_tokens"), "$ld:ai:graph:total_tokens", "user", "user-123", base, 42);
        assertEvent(ld.only("$ld:ai:graph:path"), "$ld:ai:graph:path", "user", "user-123",
                graphData(tracker.runId(), "support-graph", "g1", 2)
                        .put("path", LDValue.buildArray().add("triage-agent").add("billing-agent").build()).build(),
                1);
        assertEvent(ld.only("$ld:ai:graph:redirect"), "$ld:ai:graph:redirect", "user", "user-123",
                graphData(tracker.runId(), "support-graph", "g1", 2).put("sourceKey", "triage-agent")
                        .put("redirectedTarget", "tech-agent").build(),
                1);
        assertEvent(ld.only("$ld:ai:graph:handoff_success"), "$ld:ai:graph:handoff_success", "user", "user-123",
                graphData(tracker.runId(), "support-graph", "g1", 2).put("sourceKey", "triage-agent")
                        .put("targetKey", "billing-agent").build(),
                1);
        assertEvent(ld.only("$ld:ai:graph:handoff_failure"), "$ld:ai:graph:handoff_failure", "user", "user-123",
                graphData(tracker.runId(), "support-graph", "g1", 2).put("sourceKey", "billing-agent")
                        .put("targetKey", "tech-agent").build(),
                1);
        assertThat(tracker.summary().path()).contains(List.of("triage-agent", "billing-agent"));
        assertThat(tracker.summary().success()).contains(true);
        assertThat(tracker.summary().tokens()).contains(new AiTokenUsage(42, 30, 12));
        assertThat(ld.warnings).isEmpty();
    }

    @Test
    void guardedGraphEventsAreSentOnceAndRedirectsAndHandoffsEveryTime() {
        AiGraphTracker tracker = ld.ai.agentGraph("support-graph", USER).createTracker();

        tracker.trackInvocationFailure();
        tracker.trackInvocationSuccess();
        tracker.trackInvocationFailure();
        tracker.trackDuration(10);
        tracker.trackDuration(20);
        tracker.trackTotalTokens(new AiTokenUsage(0, 5, 0)); // total 0: nothing sent, slot left free
        tracker.trackTotalTokens(new AiTokenUsage(7, 0, 0));
        tracker.trackTotalTokens(new AiTokenUsage(9, 0, 0));
        tracker.trackPath(List.of("triage-agent"));
        tracker.trackPath(List.of("tech-agent"));
        tracker.trackHandoffSuccess("a", "b");
        tracker.trackHandoffSuccess("a", "b");
        tracker.trackRedirect("a", "c");
        tracker.trackRedirect("a", "c");
        ld.deliverEverythingSoFar();

        LDValue base = graphData(tracker.runId(), "support-graph", "g1", 2).build();
        assertEvent(ld.only("$ld:ai:graph:invocation_failure"), "$ld:ai:graph:invocation_failure", "user", "user-123",
                base, 1);
        assertEvent(ld.only("$ld:ai:graph:duration:total"), "$ld:ai:graph:duration:total", "user", "user-123", base,
                10);
        assertEvent(ld.only("$ld:ai:graph:total_tokens"), "$ld:ai:graph:total_tokens", "user", "user-123", base, 7);
        assertThat(ld.only("$ld:ai:graph:path").data().get("path")).isEqualTo(LDValue.buildArray().add("triage-agent")
                .build());
        assertThat(ld.local.events().customEvents("$ld:ai:graph:handoff_success")).hasSize(2);
        assertThat(ld.local.events().customEvents("$ld:ai:graph:redirect")).hasSize(2);
        ld.local.events().assertNoCustomEvent("$ld:ai:graph:invocation_success", Duration.ofMillis(100));
        String hint = " Call createTracker on the agent graph for a new run.";
        assertThat(ld.warnings).containsExactly(
                "Skipping trackInvocationSuccess: invocation success/failure already recorded on this graph tracker."
                        + hint,
                "Skipping trackInvocationFailure: invocation success/failure already recorded on this graph tracker."
                        + hint,
                "Skipping trackDuration: duration already recorded on this graph tracker." + hint,
                "Skipping trackTotalTokens: token usage already recorded on this graph tracker." + hint,
                "Skipping trackPath: path already recorded on this graph tracker." + hint);
    }

    @Test
    void badGraphTrackerArgumentsSendNothingAndClaimNoSlot() {
        AiGraphTracker tracker = ld.ai.agentGraph("support-graph", USER).createTracker();

        tracker.trackTotalTokens(null);
        tracker.trackPath(null);
        tracker.trackPath(List.of());
        tracker.trackPath(Arrays.asList("triage-agent", null));
        tracker.trackPath(List.of("triage-agent", " "));
        tracker.trackRedirect(null, "b");
        tracker.trackHandoffSuccess("a", "");
        tracker.trackHandoffFailure(" ", "b");
        tracker.trackPath(List.of("triage-agent"));
        ld.deliverEverythingSoFar();

        assertThat(ld.aiEventKeys()).containsExactlyInAnyOrder("$ld:ai:sdk:info", "$ld:ai:usage:agent-graph",
                "$ld:ai:graph:path");
        assertThat(ld.warnings).containsExactly("Skipping trackTotalTokens: the token usage is null.",
                "Skipping trackPath: the path is null, empty or has a null or blank node key.",
                "Skipping trackPath: the path is null, empty or has a null or blank node key.",
                "Skipping trackPath: the path is null, empty or has a null or blank node key.",
                "Skipping trackPath: the path is null, empty or has a null or blank node key.",
                "Skipping trackRedirect: the source and target node keys must not be null or blank.",
                "Skipping trackHandoffSuccess: the source and target node keys must not be null or blank.",
                "Skipping trackHandoffFailure: the source and target node keys must not be null or blank.");
        assertThatThrownBy(() -> ld.ai.agentGraph(" ", USER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The agent graph key must not be blank");
        assertThatThrownBy(() -> ld.ai.agentGraph("support-graph", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ld.ai.graphTrackerFromResumptionToken(null, USER))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Not an agent graph resumption token: null");
        assertThatThrownBy(() -> ld.ai.graphTrackerFromResumptionToken("not a token", USER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void graphResumptionTokensAreByteForByteAndRebuildTheRun() {
        assertThat(ResumptionToken.encodeGraph(new GraphTracker.Identity("test-run-id", "graph-key", "var-key", 5)))
                .isEqualTo("eyJydW5JZCI6InRlc3QtcnVuLWlkIiwiZ3JhcGhLZXkiOiJncmFwaC1rZXkiLCJ2YXJpYXRpb25LZXkiOiJ2YXIta2V5"
                        + "IiwidmVyc2lvbiI6NX0");
        assertThat(ResumptionToken.encodeGraph(new GraphTracker.Identity("test-run-id", "graph-key", null, 1)))
                .isEqualTo("eyJydW5JZCI6InRlc3QtcnVuLWlkIiwiZ3JhcGhLZXkiOiJncmFwaC1rZXkiLCJ2ZXJzaW9uIjoxfQ");

        AiGraphTracker original = ld.ai.agentGraph("support-graph", USER).createTracker();
        AiGraphTracker rebuilt = ld.ai.graphTrackerFromResumptionToken(original.resumptionToken(), USER);
        assertThat(rebuilt.runId()).isEqualTo(original.runId());
        assertThat(rebuilt.trackData()).isEqualTo(original.trackData());
        assertThat(rebuilt.resumptionToken()).isEqualTo(original.resumptionToken());
        rebuilt.trackInvocationSuccess();
        assertEvent(ld.only("$ld:ai:graph:invocation_success"), "$ld:ai:graph:invocation_success", "user", "user-123",
                graphData(original.runId(), "support-graph", "g1", 2).build(), 1);

        // A graph flag without _ldMeta: enabled, version 1, no variationKey in data or token.
        AiAgentGraph bare = ld.ai.agentGraph("bare-graph", USER);
        assertThat(bare.enabled()).isTrue();
        assertThat(bare.variationKey()).isEmpty();
        AiGraphTracker bareTracker = bare.createTracker();
        assertThat(bareTracker.trackData()).isEqualTo(graphData(bareTracker.runId(), "bare-graph", null, 1).build());
        assertThat(new String(Base64.getUrlDecoder().decode(bareTracker.resumptionToken()), StandardCharsets.UTF_8))
                .isEqualTo("{\"runId\":\"" + bareTracker.runId() + "\",\"graphKey\":\"bare-graph\",\"version\":1}");
    }

    @Test
    void eachDisabledRuleGivesAGraphWithoutNodesThatStillTracks() {
        Map<String, String> reasons = Map.of(
                "graph-off", "the graph flag's _ldMeta.enabled is false",
                "graph-no-root", "the graph has no root node",
                "no-such-graph", "the graph has no root node",
                "graph-orphan", "node 'tech-agent' cannot be reached from the root 'triage-agent'",
                "graph-off-node", "the agent config of node 'off-agent' is not enabled");
        reasons.forEach((key, reason) -> {
            AiAgentGraph graph = ld.ai.agentGraph(key, USER);
            assertThat(graph.enabled()).as(key).isFalse();
            assertThat(graph.disabledReason()).as(key).contains(reason);
            assertThat(graph.nodes()).as(key).isEmpty();
            assertThat(graph.root()).as(key).isEmpty();
            assertThat(graph.breadthFirst()).as(key).isEmpty();
            assertThat(graph.children("triage-agent")).as(key).isEmpty();
            assertThatThrownBy(() -> graph.trackRun(run -> "never")).as(key).isInstanceOf(IllegalStateException.class)
                    .hasMessage("The agent graph " + key + " is disabled: " + reason);
        });

        AiGraphTracker tracker = ld.ai.agentGraph("graph-off", USER).createTracker();
        tracker.trackInvocationFailure();
        assertEvent(ld.only("$ld:ai:graph:invocation_failure"), "$ld:ai:graph:invocation_failure", "user", "user-123",
                graphData(tracker.runId(), "graph-off", "off", 3).build(), 1);
        assertThat(ld.local.events().awaitCustomEvents("$ld:ai:usage:agent-graph", 6, StandInFixture.WAIT))
                .hasSize(6);
        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).doesNotContain("$ld:ai:usage:agent-config", "$ld:ai:generation:success",
                "$ld:ai:graph:duration:total");
    }

    @Test
    void trackRunRecordsEachNodeOnItsOwnTrackerAndTheRunOnTheGraphTracker() {
        AiAgentGraph graph = ld.ai.agentGraph("support-graph", USER);

        String answer = graph.trackRun(run -> {
            String triage = run.node("triage-agent", r -> AiMetrics.succeeded(new AiTokenUsage(10, 6, 4)),
                    config -> "route:" + config.instructions().orElseThrow());
            run.handoff("triage-agent", "billing-agent");
            return run.node("billing-agent",
                    r -> AiMetrics.succeeded(new AiTokenUsage(5, 3, 2)).withToolCalls(List.of("refund")),
                    config -> triage + "|billed");
        });

        assertThat(answer).isEqualTo("route:Triage for user-123 about |billed");
        RecordedEvent success = ld.only("$ld:ai:graph:invocation_success");
        String runId = success.data().get("runId").stringValue();
        LDValue base = graphData(runId, "support-graph", "g1", 2).build();
        assertEvent(success, "$ld:ai:graph:invocation_success", "user", "user-123", base, 1);
        RecordedEvent duration = ld.only("$ld:ai:graph:duration:total");
        assertEvent(duration, "$ld:ai:graph:duration:total", "user", "user-123", base, duration.metricValue());
        RecordedEvent path = ld.only("$ld:ai:graph:path");
        assertThat(path.data().get("path")).isEqualTo(LDValue.buildArray().add("triage-agent").add("billing-agent")
                .build());
        RecordedEvent tokens = ld.only("$ld:ai:graph:total_tokens");
        assertEvent(tokens, "$ld:ai:graph:total_tokens", "user", "user-123", base, 15);
        assertThat(ld.only("$ld:ai:graph:handoff_success").data().get("targetKey")).isEqualTo(LDValue.of("billing-agent"));
        assertThat(List.of(duration, success, path, tokens)).extracting(RecordedEvent::sequence).isSorted();

        List<RecordedEvent> nodeSuccesses = ld.local.events().awaitCustomEvents("$ld:ai:generation:success", 2,
                StandInFixture.WAIT);
        assertThat(nodeSuccesses).extracting(e -> e.data().get("configKey").stringValue())
                .containsExactly("triage-agent", "billing-agent");
        assertThat(nodeSuccesses).extracting(e -> e.data().get("graphKey").stringValue())
                .containsOnly("support-graph");
        assertThat(nodeSuccesses).extracting(e -> e.data().get("runId").stringValue()).doesNotContain(runId)
                .doesNotHaveDuplicates();
        assertThat(ld.local.events().awaitCustomEvents("$ld:ai:tokens:total", 2, StandInFixture.WAIT))
                .extracting(RecordedEvent::metricValue).containsExactly(10.0, 5.0);
        assertThat(ld.only("$ld:ai:tool_call").data().get("toolKey")).isEqualTo(LDValue.of("refund"));
    }

    @Test
    void aFailingNodeFailsTheRunWhichRethrowsAndKeepsThePathTaken() {
        AiAgentGraph graph = ld.ai.agentGraph("support-graph", USER);
        IOException down = new IOException("billing model down");

        assertThatThrownBy(() -> graph.trackRun(run -> {
            run.node("triage-agent", r -> AiMetrics.succeeded(new AiTokenUsage(8, 5, 3)), config -> "route");
            return run.node("billing-agent", r -> AiMetrics.succeeded(), config -> {
                throw down;
            });
        })).isSameAs(down);
        assertThatThrownBy(() -> graph.trackRun(run -> run.node("nope", r -> AiMetrics.succeeded(), c -> "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The agent graph support-graph has no node 'nope'");

        RecordedEvent error = ld.only("$ld:ai:generation:error");
        assertThat(error.data().get("configKey")).isEqualTo(LDValue.of("billing-agent"));
        List<RecordedEvent> failures = ld.local.events().awaitCustomEvents("$ld:ai:graph:invocation_failure", 2,
                StandInFixture.WAIT);
        assertThat(failures).hasSize(2);
        String runId = ld.only("$ld:ai:graph:total_tokens").data().get("runId").stringValue();
        assertThat(ld.only("$ld:ai:graph:path").data()).isEqualTo(graphData(runId, "support-graph", "g1", 2)
                .put("path", LDValue.buildArray().add("triage-agent").add("billing-agent").build()).build());
        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).doesNotContain("$ld:ai:graph:invocation_success");
    }
}
