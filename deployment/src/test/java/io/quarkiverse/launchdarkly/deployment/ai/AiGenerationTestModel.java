package io.quarkiverse.launchdarkly.deployment.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;

/**
 * A deterministic stand-in for a model's response types, their extractors (application beans, as a user would write
 * them), the AI Configs the tests evaluate, and helpers to read the events at the stand-in. Test apps add this class.
 */
final class AiGenerationTestModel {

    static final String FLAGS = """
            flagValues:
              support-chat:
                _ldMeta: { enabled: true, variationKey: "chat-v2", version: 4, mode: completion }
                model: { name: "local-echo", parameters: { temperature: 0.1 } }
                provider: { name: "local" }
                messages:
                  - { role: system, content: "Help {{ldctx.name}} with {{topic}}" }
              chat-off:
                _ldMeta: { enabled: false, variationKey: "off", version: 2 }
                model: { name: "local-echo" }
              broken-template:
                _ldMeta: { enabled: true, variationKey: "broken", version: 1 }
                model: { name: "local-echo" }
                messages:
                  - { role: system, content: "Hello {{#unclosed}}" }
              triage-agent:
                _ldMeta: { enabled: true, variationKey: "agent-v1", version: 7, mode: agent }
                model: { name: "local-agent" }
                provider: { name: "local" }
                instructions: "Triage for {{ldctx.user.name}} of {{ldctx.organization.key}} ({{ldctx.kind}})"
            """;

    static final String MARKER = "test.marker";
    static final Duration WAIT = Duration.ofSeconds(10);

    private AiGenerationTestModel() {
    }

    /** What the fake model answers: text, token counts, tools it called, and whether it considers itself successful. */
    public record ModelReply(String text, int inputTokens, int outputTokens, List<String> tools, boolean ok) {

        static ModelReply of(String text) {
            return new ModelReply(text, 12, 30, List.of(), true);
        }
    }

    /** One chunk of a streamed answer; the last one carries the usage, as providers do. */
    public record ReplyChunk(String text, Integer inputTokens, Integer outputTokens) {
    }

    @ApplicationScoped
    public static class ModelReplyExtractor implements AiMetricsExtractor<ModelReply> {

        @Override
        public AiMetrics extract(ModelReply reply) {
            if (reply.text().equals("explode")) {
                throw new IllegalStateException("unreadable reply");
            }
            return new AiMetrics(reply.ok(), new AiTokenUsage(reply.inputTokens() + reply.outputTokens(),
                    reply.inputTokens(), reply.outputTokens()), reply.tools());
        }

        @Override
        public Class<ModelReply> responseType() {
            return ModelReply.class;
        }
    }

    @ApplicationScoped
    public static class ReplyChunkExtractor implements AiMetricsExtractor<ReplyChunk> {

        @Override
        public AiMetrics extract(ReplyChunk chunk) {
            return chunk.inputTokens() == null ? AiMetrics.succeeded()
                    : AiMetrics.succeeded(new AiTokenUsage(chunk.inputTokens() + chunk.outputTokens(),
                            chunk.inputTokens(), chunk.outputTokens()));
        }

        @Override
        public Class<ReplyChunk> responseType() {
            return ReplyChunk.class;
        }
    }

    /** The tracker data of the reference: every key, in any order. */
    static ObjectBuilder trackData(String runId, String configKey, String variationKey, int version, String modelName,
            String providerName) {
        return LDValue.buildObject()
                .put("runId", runId)
                .put("configKey", configKey)
                .put("variationKey", variationKey)
                .put("version", version)
                .put("modelName", modelName)
                .put("providerName", providerName)
                .put("modelVersion", 1);
    }

    /**
     * Every custom event received so far except the SDK info event, oldest first. A marker event is sent and awaited
     * first: the SDK delivers events in order, so an event missing after the marker arrived was never sent.
     */
    static List<RecordedEvent> events(LDClientInterface client, LocalLaunchDarkly local) {
        int before = local.events().customEvents(MARKER).size();
        client.track(MARKER, LDContext.create("marker"));
        local.events().awaitCustomEvents(MARKER, before + 1, WAIT);
        return local.events().select(e -> e.isCustom() && !MARKER.equals(e.key())
                && !"$ld:ai:sdk:info".equals(e.key()));
    }

    static void assertEvent(RecordedEvent event, String key, String contextKey, LDValue data, double value) {
        assertThat(event.key()).isEqualTo(key);
        assertThat(event.contextKey()).as("context of " + key).isEqualTo(contextKey);
        assertThat(event.data()).as("data of " + key).isEqualTo(data);
        assertThat(event.metricValue()).as("value of " + key).isEqualTo(value);
    }
}
