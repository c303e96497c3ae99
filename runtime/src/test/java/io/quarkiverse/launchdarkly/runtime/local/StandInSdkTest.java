package io.quarkiverse.launchdarkly.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;

/** The real SDK against the stand-in over HTTP: flag data in, analytics events out, faults in between. */
class StandInSdkTest {

    static final String KEY = "sdk-stand-in-test";

    LocalLaunchDarkly standIn;
    LDClient client;

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (standIn != null) {
            standIn.stop();
        }
    }

    @Test
    void serveFlagsFromTheFileAndReceiveCustomEvents(@TempDir Path dir) throws IOException {
        Path flags = dir.resolve("flags.yaml");
        Files.writeString(flags, "flagValues:\n  banner: \"spring sale\"\n");
        start(LocalLaunchDarkly.builder().sdkKey(KEY).flagsFile(flags.toString()));

        LDContext user = LDContext.builder("user-7").name("Ann").set("tier", "gold").build();
        assertThat(client.stringVariation("banner", user, "none")).isEqualTo("spring sale");

        client.trackMetric("checkout.total", user, LDValue.buildObject().put("sku", "A1").build(), 42.5);
        client.trackData("checkout.completed", user, LDValue.of("web"));

        RecordedEvent total = standIn.events().awaitCustomEvent("checkout.total");
        assertThat(total.contextKind()).isEqualTo("user");
        assertThat(total.contextKey()).isEqualTo("user-7");
        assertThat(total.context().get("name").stringValue()).isEqualTo("Ann");
        assertThat(total.context().get("tier").stringValue()).isEqualTo("gold");
        assertThat(total.data()).isEqualTo(LDValue.buildObject().put("sku", "A1").build());
        assertThat(total.metricValue()).isEqualTo(42.5);
        assertThat(total.creationDate()).isPositive();

        RecordedEvent completed = standIn.events().awaitCustomEvent("checkout.completed");
        assertThat(completed.metricValue()).isNull();
        assertThat(completed.data()).isEqualTo(LDValue.of("web"));
        assertThat(standIn.events().customEventCounts()).containsEntry("checkout.total", 1L)
                .containsEntry("checkout.completed", 1L);
        assertThat(standIn.events().select(e -> "summary".equals(e.kind()))).isNotEmpty();
    }

    @Test
    void pushesFlagFileChangesToTheSdk(@TempDir Path dir) throws Exception {
        Path flags = dir.resolve("flags.json");
        Files.writeString(flags, "{\"flagValues\":{\"limit\":1}}");
        start(LocalLaunchDarkly.builder().sdkKey(KEY).flagsFile(flags.toString()).watchFlagsFile(true));
        LDContext user = LDContext.create("u");
        assertThat(client.intVariation("limit", user, 0)).isEqualTo(1);

        Files.writeString(flags, "{\"flagValues\":{\"limit\":2}}");
        Files.setLastModifiedTime(flags, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (client.intVariation("limit", user, 0) != 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(client.intVariation("limit", user, 0)).isEqualTo(2);
    }

    @Test
    void flagDataGivenInCodeIsServedAndInvalidDataIsRefused() {
        start(LocalLaunchDarkly.builder().sdkKey(KEY));
        standIn.useFlagData("flagValues: { banner: \"summer\" }");
        LDContext user = LDContext.create("u");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!"summer".equals(client.stringVariation("banner", user, "none")) && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(client.stringVariation("banner", user, "none")).isEqualTo("summer");

        assertThatThrownBy(() -> standIn.useFlagData("flags: 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'flags' must be a map keyed by flag key");
        assertThat(client.stringVariation("banner", user, "none")).isEqualTo("summer");
    }

    @Test
    void refusesAnotherSdkKeyLikeLaunchDarkly() {
        standIn = LocalLaunchDarkly.builder().sdkKey(KEY).build().start();
        client = new LDClient("sdk-wrong-environment", config(Duration.ofSeconds(1)));
        assertThat(client.isInitialized()).isFalse();
        client.track("refused", LDContext.create("u"));
        client.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (standIn.events().rejectedPayloads() == 0 && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(standIn.events().rejectedPayloads()).isPositive();
        assertThat(standIn.events().customEvents("refused")).isEmpty();
    }

    @Test
    void theSdkRetriesADroppedEventDelivery() {
        start(LocalLaunchDarkly.builder().sdkKey(KEY));
        standIn.faults().inject(Fault.on("POST", "/bulk").dropConnection().times(1));
        client.track("after-drop", LDContext.create("u"));
        RecordedEvent event = standIn.events().awaitCustomEvents("after-drop", 1, Duration.ofSeconds(15)).get(0);
        assertThat(event.contextKey()).isEqualTo("u");
        assertThat(standIn.faults().pending()).isEmpty();
    }

    @Test
    void aDeliveryRefusedTwiceIsLost() {
        start(LocalLaunchDarkly.builder().sdkKey(KEY));
        standIn.faults().inject(Fault.on("POST", "/bulk").status(503).times(2));
        client.track("lost", LDContext.create("u"));
        client.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!standIn.faults().pending().isEmpty() && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(standIn.faults().pending()).as("both attempts hit the fault").isEmpty();
        standIn.events().assertNoCustomEvent("lost", Duration.ofMillis(300));
    }

    @Test
    void awaitingFailsWithWhatArrived() {
        start(LocalLaunchDarkly.builder().sdkKey(KEY));
        client.track("something-else", LDContext.create("u"));
        assertThatThrownBy(() -> standIn.events().awaitCustomEvents("never-sent", 1, Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 1 custom event(s) with key 'never-sent'");
    }

    @Test
    void theJournalKeepsTheNewestAndCountsTheRest() {
        start(LocalLaunchDarkly.builder().sdkKey(KEY).journalCapacity(3));
        List<RecordedEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        standIn.events().subscribe(seen::add);
        for (int i = 0; i < 5; i++) {
            client.track("burst", LDContext.create("u"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (standIn.events().customEventCounts().getOrDefault("burst", 0L) < 5 && System.nanoTime() < deadline) {
            client.flush();
            pause();
        }
        assertThat(standIn.events().customEventCounts()).containsEntry("burst", 5L);
        assertThat(standIn.events().events()).hasSize(3);
        assertThat(standIn.events().dropped()).isEqualTo(standIn.events().total() - 3);
        assertThat(seen).hasSize((int) standIn.events().total());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(LocalLaunchDarkly.Builder builder) {
        standIn = builder.build().start();
        client = new LDClient(KEY, config(Duration.ofSeconds(5)));
        standIn.flushEventsWith(client::flush);
        assertThat(client.isInitialized()).isTrue();
    }

    private LDConfig config(Duration startWait) {
        return new LDConfig.Builder()
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(standIn.baseUri()))
                .events(Components.sendEvents().flushInterval(Duration.ofMillis(100)))
                .diagnosticOptOut(true)
                .startWait(startWait)
                .build();
    }
}
