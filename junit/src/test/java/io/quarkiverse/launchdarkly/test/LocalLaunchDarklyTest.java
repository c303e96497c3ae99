package io.quarkiverse.launchdarkly.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.standin.LaunchDarklyStandIn;

/** The real SDK against the stand-in over HTTP: flag data in, analytics events out, faults in between. */
class LocalLaunchDarklyTest {

    static final String KEY = "sdk-stand-in-test";

    LaunchDarklyStandIn standIn;
    LDClient client;
    LocalLaunchDarkly ld;

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
        start(LaunchDarklyStandIn.builder().sdkKey(KEY).flagsFile(flags));

        LDContext user = LDContext.builder("user-7").name("Ann").set("tier", "gold").build();
        assertThat(client.stringVariation("banner", user, "none")).isEqualTo("spring sale");

        client.trackMetric("checkout.total", user, LDValue.buildObject().put("sku", "A1").build(), 42.5);
        client.trackData("checkout.completed", user, LDValue.of("web"));

        RecordedEvent total = ld.events().awaitCustomEvent("checkout.total");
        assertThat(total.contextKind()).isEqualTo("user");
        assertThat(total.contextKey()).isEqualTo("user-7");
        assertThat(total.context().get("name").stringValue()).isEqualTo("Ann");
        assertThat(total.context().get("tier").stringValue()).isEqualTo("gold");
        assertThat(total.data()).isEqualTo(LDValue.buildObject().put("sku", "A1").build());
        assertThat(total.metricValue()).isEqualTo(42.5);
        assertThat(total.creationDate()).isPositive();

        RecordedEvent completed = ld.events().awaitCustomEvent("checkout.completed");
        assertThat(completed.metricValue()).isNull();
        assertThat(completed.data()).isEqualTo(LDValue.of("web"));
        assertThat(ld.events().customEventCounts()).containsEntry("checkout.total", 1L)
                .containsEntry("checkout.completed", 1L);
        assertThat(ld.events().select(e -> "summary".equals(e.kind()))).isNotEmpty();
    }

    @Test
    void pushesFlagFileChangesToTheSdk(@TempDir Path dir) throws Exception {
        Path flags = dir.resolve("flags.json");
        Files.writeString(flags, "{\"flagValues\":{\"limit\":1}}");
        start(LaunchDarklyStandIn.builder().sdkKey(KEY).flagsFile(flags).watchFlagsFile(true));
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
        start(LaunchDarklyStandIn.builder().sdkKey(KEY));
        ld.useFlagData("flagValues: { banner: \"summer\" }");
        LDContext user = LDContext.create("u");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!"summer".equals(client.stringVariation("banner", user, "none")) && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(client.stringVariation("banner", user, "none")).isEqualTo("summer");

        assertThatThrownBy(() -> ld.useFlagData("flags: 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'flags' must be a map keyed by flag key");
        assertThat(client.stringVariation("banner", user, "none")).isEqualTo("summer");
    }

    @Test
    void refusesAnotherSdkKeyLikeLaunchDarkly() {
        standIn = LaunchDarklyStandIn.builder().sdkKey(KEY).build().start();
        client = new LDClient("sdk-wrong-environment", config(Duration.ofSeconds(1)));
        ld = LocalLaunchDarkly.connect(standIn.baseUri(), client::flush);
        assertThat(client.isInitialized()).isFalse();
        client.track("refused", LDContext.create("u"));
        client.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ld.events().rejectedPayloads() == 0 && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(ld.events().rejectedPayloads()).isPositive();
        assertThat(ld.events().customEvents("refused")).isEmpty();
    }

    @Test
    void theSdkRetriesADroppedEventDelivery() {
        start(LaunchDarklyStandIn.builder().sdkKey(KEY));
        ld.faults().inject(Fault.on("POST", "/bulk").dropConnection().times(1));
        client.track("after-drop", LDContext.create("u"));
        RecordedEvent event = ld.events().awaitCustomEvents("after-drop", 1, Duration.ofSeconds(15)).get(0);
        assertThat(event.contextKey()).isEqualTo("u");
        assertThat(ld.faults().pending()).isEmpty();
    }

    @Test
    void aDeliveryRefusedTwiceIsLost() {
        start(LaunchDarklyStandIn.builder().sdkKey(KEY));
        ld.faults().inject(Fault.on("POST", "/bulk").status(503).times(2));
        client.track("lost", LDContext.create("u"));
        client.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!ld.faults().pending().isEmpty() && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(ld.faults().pending()).as("both attempts hit the fault").isEmpty();
        ld.events().assertNoCustomEvent("lost", Duration.ofMillis(300));
    }

    @Test
    void awaitingFailsWithWhatArrived() {
        start(LaunchDarklyStandIn.builder().sdkKey(KEY));
        client.track("something-else", LDContext.create("u"));
        assertThatThrownBy(() -> ld.events().awaitCustomEvents("never-sent", 1, Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 1 custom event(s) with key 'never-sent'");
    }

    @Test
    void theJournalKeepsTheNewestAndCountsTheRest() {
        start(LaunchDarklyStandIn.builder().sdkKey(KEY).journalCapacity(3));
        for (int i = 0; i < 5; i++) {
            client.track("burst", LDContext.create("u"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ld.events().customEventCounts().getOrDefault("burst", 0L) < 5 && System.nanoTime() < deadline) {
            client.flush();
            pause();
        }
        assertThat(ld.events().customEventCounts()).containsEntry("burst", 5L);
        assertThat(ld.events().all()).hasSize(3);
        assertThat(ld.events().dropped()).isEqualTo(ld.events().total() - 3);
    }

    @Test
    void oneFlagIsSetAndTheFileServedAgainAfterwards(@TempDir Path dir) throws IOException {
        Path flags = dir.resolve("flags.yaml");
        Files.writeString(flags, "flagValues:\n  banner: \"spring sale\"\n  limit: 3\n");
        start(LaunchDarklyStandIn.builder().sdkKey(KEY).flagsFile(flags));
        LDContext user = LDContext.create("u");

        ld.setFlag("banner", LDValue.of("summer"));
        awaitFlag(() -> client.stringVariation("banner", user, "none"), "summer");
        assertThat(client.intVariation("limit", user, 0)).as("the other flags stay").isEqualTo(3);
        assertThat(ld.flagData().get("flags").get("banner").get("variations").get(0)).isEqualTo(LDValue.of("summer"));

        ld.useFileFlags();
        awaitFlag(() -> client.stringVariation("banner", user, "none"), "spring sale");
    }

    @Test
    void faultsAreListedAsArmedAndUsedUp() {
        start(LaunchDarklyStandIn.builder().sdkKey(KEY));
        Fault limited = Fault.on("get", "/api/v2/metrics/*").status(429).retryAfter(Duration.ofSeconds(2)).times(2);
        Fault slow = Fault.on("*", "/all").delay(Duration.ofMillis(1500)).always();
        ld.faults().inject(limited).inject(slow);
        assertThat(ld.faults().pending()).containsExactly(limited, slow);
        ld.faults().clear();
        assertThat(ld.faults().pending()).isEmpty();
    }

    @Test
    void aRateLimitIsListedWithTheRequestsItRefused() throws Exception {
        start(LaunchDarklyStandIn.builder().sdkKey(KEY));
        Fault limit = Fault.on("*", "/api/v2/metrics/**").rateLimit(1, Duration.ofMinutes(1));
        ld.faults().inject(limit);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest list = java.net.http.HttpRequest
                .newBuilder(standIn.baseUri().resolve("/api/v2/metrics/shop")).header("Authorization", ld.readerApiToken())
                .build();
        for (int status : new int[] { 200, 429, 429 }) {
            assertThat(http.send(list, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(status);
        }

        Fault listed = ld.faults().pending().get(0);
        assertThat(listed.rejectedValue()).isEqualTo(2);
        assertThat(listed).hasToString("* /api/v2/metrics/** -> rate limit 1 per PT1M (2 refused), always");
    }

    @Test
    void metricsCanBeSeededReadAndTheirCallsListed() throws Exception {
        start(LaunchDarklyStandIn.builder().sdkKey(KEY));
        LDValue stored = ld.metricsApi().put("shop", "{\"key\":\"old\",\"kind\":\"custom\",\"eventKey\":\"old\","
                + "\"isNumeric\":false,\"tags\":[\"managed-by-quarkus\"]}");
        assertThat(stored.get("_version").intValue()).isEqualTo(1);
        assertThat(ld.metricsApi().metric("shop", "old")).isPresent();
        assertThat(ld.metricsApi().metrics("other")).isEmpty();
        assertThatThrownBy(() -> ld.metricsApi().put("shop", "{\"kind\":\"custom\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");

        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(standIn.baseUri().resolve("/api/v2/metrics/shop?limit=5"))
                        .header("Authorization", ld.readerApiToken()).header("User-Agent", "a-test/1").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        RecordedApiCall call = ld.metricsApi().lastCall().orElseThrow();
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.queryParam("limit")).isEqualTo("5");
        assertThat(call.userAgent()).isEqualTo("a-test/1");
        assertThat(call.isWrite()).isFalse();

        ld.reset();
        assertThat(ld.metricsApi().metrics("shop")).isEmpty();
        assertThat(ld.metricsApi().calls()).isEmpty();
    }

    @Test
    void aFlagChangeReturnsOnceTheClientHoldsTheNewFlags() {
        start(LaunchDarklyStandIn.builder().sdkKey(KEY).flagData("flagValues: { banner: \"file\", other: 1 }"));
        ld = LocalLaunchDarkly.connect(standIn.baseUri(), client);
        LDContext user = LDContext.create("u");
        // No waiting between a change and the evaluation that reads it: each change must have been applied already.
        for (int round = 0; round < 25; round++) {
            ld.useFlagData("flagValues: { banner: \"data-" + round + "\" }");
            assertThat(client.stringVariation("banner", user, "none")).isEqualTo("data-" + round);
            assertThat(client.intVariation("other", user, -1)).isEqualTo(-1);
            ld.setFlag("banner", LDValue.of("set-" + round));
            assertThat(client.stringVariation("banner", user, "none")).isEqualTo("set-" + round);
            ld.reset();
            assertThat(client.stringVariation("banner", user, "none")).isEqualTo("file");
            assertThat(client.intVariation("other", user, -1)).isEqualTo(1);
        }
    }

    @Test
    void aChangedFlagGetsAHigherVersionSoTheSdksChangeListenersFire() throws InterruptedException {
        start(LaunchDarklyStandIn.builder().sdkKey(KEY).flagData("flagValues: { banner: \"a\", other: 1 }"));
        ld = LocalLaunchDarkly.connect(standIn.baseUri(), client);
        java.util.concurrent.BlockingQueue<String> changed = new java.util.concurrent.LinkedBlockingQueue<>();
        client.getFlagTracker().addFlagChangeListener(event -> changed.add(event.getKey()));

        ld.setFlag("banner", LDValue.of("b"));

        assertThat(changed.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("banner");
        assertThat(ld.flagData().get("flags").get("banner").get("version").intValue()).isEqualTo(2);
        assertThat(ld.flagData().get("flags").get("other").get("version").intValue()).isEqualTo(1);
        ld.useFileFlags();
        assertThat(changed.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("banner");
        assertThat(ld.flagData().get("flags").get("banner").get("version").intValue())
                .as("back to the file's value, still a newer version than the one set").isEqualTo(3);
        assertThat(changed).isEmpty();
    }

    @Test
    void withoutAStandInTheHelperSaysWhatToConfigure() {
        LocalLaunchDarkly none = new LocalLaunchDarkly(java.util.Optional.empty(), () -> {
        }, () -> null);
        assertThatThrownBy(none::events).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(LocalLaunchDarkly.URL_PROPERTY)
                .hasMessageContaining("quarkus.launchdarkly.devservices.enabled");
    }

    private static void awaitFlag(java.util.function.Supplier<String> value, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!expected.equals(value.get()) && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(value.get()).isEqualTo(expected);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(LaunchDarklyStandIn.Builder builder) {
        standIn = builder.build().start();
        client = new LDClient(KEY, config(Duration.ofSeconds(5)));
        ld = LocalLaunchDarkly.connect(standIn.baseUri(), client::flush);
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
