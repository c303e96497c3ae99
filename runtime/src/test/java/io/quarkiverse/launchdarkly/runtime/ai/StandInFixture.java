package io.quarkiverse.launchdarkly.runtime.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;

import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.standin.LaunchDarklyStandIn;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;

/** The real SDK against a standalone stand-in, an AI client over it that records its warnings, and event asserts. */
final class StandInFixture implements AutoCloseable {

    static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    static final Duration WAIT = Duration.ofSeconds(10);

    final LaunchDarklyStandIn standIn;
    final LDClient client;
    final LocalLaunchDarkly local;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final LaunchDarklyAi ai;

    StandInFixture(Path dir, String flagsJson) throws IOException {
        Path flags = dir.resolve("flags.json");
        Files.writeString(flags, flagsJson);
        standIn = LaunchDarklyStandIn.builder().sdkKey("sdk-test").flagsFile(flags).build().start();
        client = new LDClient("sdk-test", new LDConfig.Builder()
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(standIn.baseUri()))
                .events(Components.sendEvents().flushInterval(Duration.ofMillis(100)))
                .diagnosticOptOut(true)
                .startWait(Duration.ofSeconds(5))
                .build());
        local = LocalLaunchDarkly.connect(standIn.baseUri(), client::flush);
        assertThat(client.isInitialized()).isTrue();
        ai = new LaunchDarklyAiClient(client, warnings::add);
    }

    /** The one custom event with this key, after waiting for it (fails when more than one arrived). */
    RecordedEvent only(String key) {
        List<RecordedEvent> events = local.events().awaitCustomEvents(key, 1, WAIT);
        assertThat(events).as("custom events '%s'", key).hasSize(1);
        return events.get(0);
    }

    /** Sends a marker event and waits for it, so that everything tracked before has been delivered. */
    void deliverEverythingSoFar() {
        client.track("test-marker", com.launchdarkly.sdk.LDContext.create("marker"));
        local.events().awaitCustomEvents("test-marker", 1, WAIT);
    }

    /** The AI event keys received, in order of arrival. */
    List<String> aiEventKeys() {
        return local.events().select(e -> e.isCustom() && e.key().startsWith("$ld:ai:")).stream()
                .map(RecordedEvent::key).toList();
    }

    static void assertEvent(RecordedEvent event, String key, String contextKind, String contextKey, LDValue data,
            double value) {
        assertThat(event.key()).isEqualTo(key);
        assertThat(event.kind()).isEqualTo("custom");
        assertThat(event.contextKind()).isEqualTo(contextKind);
        assertThat(event.contextKey()).isEqualTo(contextKey);
        assertThat(event.data()).as("data of %s", key).isEqualTo(data);
        assertThat(event.metricValue()).as("value of %s", key).isEqualTo(value);
        assertThat(event.creationDate()).isPositive();
    }

    /** The tracker data the reference lists, with the run id as received (checked to be a UUIDv4 by the caller). */
    static ObjectBuilder trackData(String runId, String configKey, String variationKey, int version, String modelName,
            String providerName, int modelVersion, String modelKey) {
        ObjectBuilder data = LDValue.buildObject()
                .put("runId", runId)
                .put("configKey", configKey)
                .put("variationKey", variationKey)
                .put("version", version)
                .put("modelName", modelName)
                .put("providerName", providerName)
                .put("modelVersion", modelVersion);
        if (modelKey != null) {
            data.put("modelKey", modelKey);
        }
        return data;
    }

    @Override
    public void close() throws IOException {
        client.close();
        standIn.stop();
    }
}
