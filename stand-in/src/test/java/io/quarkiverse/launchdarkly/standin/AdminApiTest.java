package io.quarkiverse.launchdarkly.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The admin API under {@code /_local/} over real HTTP, as the Dev UI and the test helpers use it. */
class AdminApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    LaunchDarklyStandIn standIn;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        Path flags = dir.resolve("flags.yaml");
        Files.writeString(flags, "flagValues:\n  banner: \"spring\"\n");
        standIn = LaunchDarklyStandIn.builder().flagsFile(flags).journalCapacity(5).build().start();
    }

    @AfterEach
    void stop() {
        standIn.stop();
    }

    @Test
    void infoNamesTheCredentialsAndTheFile() throws Exception {
        JsonNode info = get("/_local/info");
        assertThat(info.get("sdkKey").asText()).isEqualTo(LaunchDarklyStandIn.DEFAULT_SDK_KEY);
        assertThat(info.get("writerApiToken").asText()).isEqualTo(LaunchDarklyStandIn.DEFAULT_WRITER_API_TOKEN);
        assertThat(info.get("readerApiToken").asText()).isEqualTo(LaunchDarklyStandIn.DEFAULT_READER_API_TOKEN);
        assertThat(info.get("flagsFile").asText()).endsWith("flags.yaml");
        assertThat(info.get("journalCapacity").asInt()).isEqualTo(5);
    }

    @Test
    void eventsAreFilteredByKindKeyAndSequence() throws Exception {
        post("/bulk", "[{\"kind\":\"index\",\"creationDate\":1},{\"kind\":\"custom\",\"key\":\"a\",\"creationDate\":2},"
                + "{\"kind\":\"custom\",\"key\":\"b\",\"creationDate\":3},{\"kind\":\"custom\",\"key\":\"a\",\"creationDate\":4}]");
        JsonNode all = get("/_local/events");
        assertThat(all.get("total").asInt()).isEqualTo(4);
        assertThat(all.get("customEventCounts").get("a").asInt()).isEqualTo(2);
        assertThat(all.get("events")).hasSize(4);
        assertThat(all.get("events").get(0).get("receivedAt").asText()).isNotBlank();

        JsonNode keyA = get("/_local/events?kind=custom&key=a");
        assertThat(sequences(keyA)).containsExactly(2L, 4L);
        assertThat(sequences(get("/_local/events?after=2"))).containsExactly(3L, 4L);
        assertThat(keyA.get("events").get(1).get("event").get("creationDate").asInt()).isEqualTo(4);
    }

    @Test
    void aWaitingReaderIsAnsweredWhenAnEventArrives() throws Exception {
        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return get("/_local/events?wait=10000&seen=0");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        post("/bulk", "[{\"kind\":\"custom\",\"key\":\"late\",\"creationDate\":1}]");
        assertThat(waiting.get().get("events").get(0).get("event").get("key").asText()).isEqualTo("late");
    }

    @Test
    void theJournalKeepsItsCapacityAndCountsTheRest() throws Exception {
        for (int i = 0; i < 7; i++) {
            post("/bulk", "[{\"kind\":\"custom\",\"key\":\"burst\",\"creationDate\":" + i + "}]");
        }
        JsonNode journal = get("/_local/events");
        assertThat(journal.get("events")).hasSize(5);
        assertThat(journal.get("dropped").asInt()).isEqualTo(2);
        assertThat(journal.get("customEventCounts").get("burst").asInt()).isEqualTo(7);
        assertThat(send("DELETE", "/_local/events", null).statusCode()).isEqualTo(204);
        assertThat(get("/_local/events").get("total").asInt()).isZero();
    }

    @Test
    void flagsAreReplacedSetOneByOneAndRestored() throws Exception {
        assertThat(get("/_local/flags").get("data").get("flags").get("banner").get("variations").get(0).asText())
                .isEqualTo("spring");

        JsonNode one = JSON.readTree(send("PUT", "/_local/flags/limit", "7").body());
        assertThat(one.get("overridden").asBoolean()).isTrue();
        assertThat(one.get("data").get("flags").get("limit").get("variations").get(0).asInt()).isEqualTo(7);
        assertThat(one.get("data").get("flags").get("banner")).as("the other flags stay").isNotNull();

        JsonNode replaced = JSON.readTree(send("PUT", "/_local/flags", "flagValues: { banner: \"summer\" }").body());
        assertThat(replaced.get("data").get("flags").has("limit")).isFalse();

        HttpResponse<String> invalid = send("PUT", "/_local/flags", "flags: 3");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).get("message").asText()).contains("'flags' must be a map");

        JsonNode restored = JSON.readTree(send("DELETE", "/_local/flags", null).body());
        assertThat(restored.get("overridden").asBoolean()).isFalse();
        assertThat(restored.get("data").get("flags").get("banner").get("variations").get(0).asText()).isEqualTo("spring");
    }

    @Test
    void faultsAreArmedListedAndDisarmed() throws Exception {
        assertThat(send("POST", "/_local/faults", "{\"method\":\"POST\",\"path\":\"/bulk\",\"action\":\"status\","
                + "\"status\":503,\"retryAfterMillis\":1000,\"times\":2}").statusCode()).isEqualTo(200);
        JsonNode listed = get("/_local/faults").get("faults").get(0);
        assertThat(listed.get("status").asInt()).isEqualTo(503);
        assertThat(listed.get("times").asInt()).isEqualTo(2);
        assertThat(post("/bulk", "[]").statusCode()).isEqualTo(503);
        assertThat(get("/_local/faults").get("faults").get(0).get("times").asInt()).isEqualTo(1);
        assertThat(get("/_local/faults").get("faults")).as("admin requests meet no fault").hasSize(1);

        HttpResponse<String> unknown = send("POST", "/_local/faults", "{\"path\":\"/bulk\",\"action\":\"explode\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Unknown fault action 'explode'");

        send("DELETE", "/_local/faults", null);
        assertThat(get("/_local/faults").get("faults")).isEmpty();
    }

    @Test
    void metricsAreSeededListedAndTheirCallsRecorded() throws Exception {
        HttpResponse<String> stored = send("PUT", "/_local/metrics/shop",
                "{\"key\":\"signup\",\"kind\":\"custom\",\"eventKey\":\"signup\",\"isNumeric\":false}");
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(get("/_local/metrics/shop").get("items").get(0).get("key").asText()).isEqualTo("signup");
        assertThat(get("/_local/metrics/shop/signup").get("_version").asInt()).isEqualTo(1);
        assertThat(send("GET", "/_local/metrics/shop/absent", null).statusCode()).isEqualTo(404);

        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(standIn.baseUri().resolve("/api/v2/metrics/shop"))
                .header("Authorization", standIn.readerApiToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode call = get("/_local/metrics/calls").get("calls").get(0);
        assertThat(call.get("method").asText()).isEqualTo("GET");
        assertThat(call.get("path").asText()).isEqualTo("/api/v2/metrics/shop");
        assertThat(call.get("status").asInt()).isEqualTo(200);
        assertThat(call.toString()).doesNotContain(standIn.readerApiToken());
    }

    @Test
    void resetForgetsEverythingButTheFile() throws Exception {
        post("/bulk", "[{\"kind\":\"custom\",\"key\":\"a\",\"creationDate\":1}]");
        send("PUT", "/_local/flags/banner", "\"autumn\"");
        send("POST", "/_local/faults", "{\"path\":\"/bulk\"}");
        send("PUT", "/_local/metrics/shop", "{\"key\":\"m\",\"kind\":\"custom\",\"eventKey\":\"m\",\"isNumeric\":false}");

        assertThat(send("POST", "/_local/reset", null).statusCode()).isEqualTo(204);

        assertThat(get("/_local/events").get("total").asInt()).isZero();
        assertThat(get("/_local/faults").get("faults")).isEmpty();
        assertThat(get("/_local/metrics/shop").get("items")).isEmpty();
        assertThat(get("/_local/flags").get("data").get("flags").get("banner").get("variations").get(0).asText())
                .isEqualTo("spring");
    }

    @Test
    void wrongMethodsAndPathsAreRefused() throws Exception {
        assertThat(send("DELETE", "/_local/info", null).statusCode()).isEqualTo(405);
        assertThat(send("GET", "/_local/nothing", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/_local/events?after=soon", null).statusCode()).isEqualTo(400);
    }

    private static List<Long> sequences(JsonNode journal) {
        return journal.get("events").findValues("sequence").stream().map(JsonNode::asLong).toList();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null);
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(standIn.baseUri().resolve(path))
                .header("Authorization", standIn.sdkKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(standIn.baseUri().resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
