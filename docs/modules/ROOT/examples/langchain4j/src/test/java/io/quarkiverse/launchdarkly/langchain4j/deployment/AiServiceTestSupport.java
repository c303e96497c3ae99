package io.quarkiverse.launchdarkly.langchain4j.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;

/** The AI Configs the tests evaluate and helpers to read the events at the stand-in. */
final class AiServiceTestSupport {

    static final String FLAGS = """
            flagValues:
              support-chat:
                _ldMeta: { enabled: true, variationKey: "chat-v2", version: 4, mode: completion }
                model:
                  name: "gpt-ld"
                  parameters: { temperature: 0.3, maxTokens: 200, top_p: 0.9, stop: ["END"] }
                provider: { name: "openai" }
                messages:
                  - { role: system, content: "You help {{ldctx.name}} with {{topic}}." }
              chat-off:
                _ldMeta: { enabled: false, variationKey: "off", version: 2 }
                model: { name: "gpt-ld" }
              triage-agent:
                _ldMeta: { enabled: true, variationKey: "agent-v1", version: 7, mode: agent }
                model: { name: "gpt-agent" }
                provider: { name: "openai" }
                instructions: "Triage the request of {{ldctx.key}}"
            """;

    static final String MARKER = "test.marker";
    static final Duration WAIT = Duration.ofSeconds(10);

    private AiServiceTestSupport() {
    }

    /** The tracker data of a run: every key. */
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
