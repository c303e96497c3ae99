package io.quarkiverse.launchdarkly.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.fault.Fault;

/**
 * The metrics REST API of the stand-in over real HTTP: every status a client must handle, and the faults tests
 * inject.
 */
class StandInRestApiTest {

    static final String NUMERIC = "{\"key\":\"latency\",\"name\":\"Latency\",\"kind\":\"custom\",\"eventKey\":\"search.latency\","
            + "\"isNumeric\":true,\"unit\":\"milliseconds\",\"successCriteria\":\"LowerThanBaseline\"}";

    LaunchDarklyStandIn standIn;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        standIn = LaunchDarklyStandIn.builder().build().start();
    }

    @AfterEach
    void stop() {
        standIn.stop();
    }

    @Test
    void createGetPatchDelete() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v2/metrics/shop", NUMERIC, standIn.writerApiToken());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(LDValue.parse(created.body()).get("key").stringValue()).isEqualTo("latency");

        HttpResponse<String> read = send("GET", "/api/v2/metrics/shop/latency", null, standIn.readerApiToken());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(LDValue.parse(read.body()).get("unit").stringValue()).isEqualTo("milliseconds");

        HttpResponse<String> patched = send("PATCH", "/api/v2/metrics/shop/latency",
                "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Search latency\"}]", standIn.writerApiToken());
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(LDValue.parse(patched.body()).get("name").stringValue()).isEqualTo("Search latency");

        assertThat(send("DELETE", "/api/v2/metrics/shop/latency", null, standIn.writerApiToken()).statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/api/v2/metrics/shop/latency", null, standIn.writerApiToken()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void errorStatuses() throws Exception {
        assertThat(send("GET", "/api/v2/metrics/shop", null, "api-unknown").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v2/metrics/shop", null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> forbidden = send("POST", "/api/v2/metrics/shop", NUMERIC, standIn.readerApiToken());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(LDValue.parse(forbidden.body()).get("code").stringValue()).isEqualTo("forbidden");

        assertThat(send("POST", "/api/v2/metrics/shop", NUMERIC, standIn.writerApiToken()).statusCode()).isEqualTo(201);
        HttpResponse<String> conflict = send("POST", "/api/v2/metrics/shop", NUMERIC, standIn.writerApiToken());
        assertThat(conflict.statusCode()).isEqualTo(409);

        HttpResponse<String> invalid = send("POST", "/api/v2/metrics/shop",
                "{\"key\":\"revenue\",\"kind\":\"custom\",\"eventKey\":\"revenue\",\"isNumeric\":true}",
                standIn.writerApiToken());
        assertThat(invalid.statusCode()).isEqualTo(400);
        LDValue error = LDValue.parse(invalid.body());
        assertThat(error.get("code").stringValue()).isEqualTo("invalid_request");
        assertThat(error.get("message").stringValue()).contains("unit");
        assertThat(error.get("id").stringValue()).isNotBlank();

        assertThat(send("PATCH", "/api/v2/metrics/shop/absent", "[]", standIn.writerApiToken()).statusCode())
                .isEqualTo(404);
        for (HttpResponse<String> response : new HttpResponse[] { forbidden, conflict, invalid }) {
            assertThat(response.body()).doesNotContain(standIn.writerApiToken()).doesNotContain(standIn.readerApiToken());
        }
    }

    @Test
    void listsInPagesWithLinks() throws Exception {
        for (int i = 0; i < 25; i++) {
            String body = "{\"key\":\"m" + i + "\",\"kind\":\"custom\",\"eventKey\":\"e" + i + "\",\"isNumeric\":false}";
            assertThat(send("POST", "/api/v2/metrics/shop", body, standIn.writerApiToken()).statusCode()).isEqualTo(201);
        }
        LDValue first = LDValue.parse(send("GET", "/api/v2/metrics/shop?limit=10", null, standIn.writerApiToken()).body());
        assertThat(first.get("totalCount").intValue()).isEqualTo(25);
        assertThat(first.get("items").size()).isEqualTo(10);
        assertThat(first.get("_links").get("next").get("href").stringValue()).contains("offset=10");
        assertThat(first.get("_links").get("prev").isNull()).isTrue();

        LDValue last = LDValue.parse(send("GET", "/api/v2/metrics/shop?limit=10&offset=20", null, standIn.writerApiToken())
                .body());
        assertThat(last.get("items").size()).isEqualTo(5);
        assertThat(last.get("_links").get("next").isNull()).isTrue();
        assertThat(last.get("_links").get("prev").get("href").stringValue()).contains("offset=10");
    }

    @Test
    void injectedStatusWithRetryAfterThenNormalAnswers() throws Exception {
        standIn.faults().inject(Fault.on("GET", "/api/v2/metrics/*").status(429).retryAfter(Duration.ofSeconds(2)).times(2));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> limited = send("GET", "/api/v2/metrics/shop", null, standIn.writerApiToken());
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        }
        assertThat(send("GET", "/api/v2/metrics/shop", null, standIn.writerApiToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void aRateLimitTellsWhatIsLeftOfItsWindowThenRefuses() throws Exception {
        standIn.faults().inject(Fault.on("*", "/api/v2/metrics/**").rateLimit(3, Duration.ofMinutes(1)));
        long reset = -1;
        for (int left = 2; left >= 0; left--) {
            HttpResponse<String> passed = send("GET", "/api/v2/metrics/shop", null, standIn.writerApiToken());
            assertThat(passed.statusCode()).isEqualTo(200);
            assertThat(passed.headers().firstValue("X-Ratelimit-Route-Remaining")).contains(Integer.toString(left));
            long thisReset = Long.parseLong(passed.headers().firstValue("X-Ratelimit-Reset").orElseThrow());
            assertThat(reset).isIn(-1L, thisReset); // the same window's end each time
            reset = thisReset;
        }
        HttpResponse<String> refused = send("GET", "/api/v2/metrics/shop", null, standIn.writerApiToken());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("X-Ratelimit-Route-Remaining")).contains("0");
        assertThat(refused.headers().firstValue("X-Ratelimit-Reset")).contains(Long.toString(reset));
    }

    @Test
    void injectedDelayAndDroppedConnection() throws Exception {
        standIn.faults().inject(Fault.on("*", "/api/**").delay(Duration.ofMillis(400)));
        long start = System.nanoTime();
        assertThat(send("GET", "/api/v2/metrics/shop", null, standIn.writerApiToken()).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        standIn.faults().inject(Fault.on("POST", "/api/v2/metrics/shop").dropConnection());
        assertThatThrownBy(() -> send("POST", "/api/v2/metrics/shop", NUMERIC, standIn.writerApiToken()))
                .isInstanceOf(IOException.class);
        assertThat(standIn.metricsApi().metrics("shop")).isEmpty();
    }

    @Test
    void unknownPathsAreNotFound() throws Exception {
        assertThat(send("GET", "/nothing-here", null, null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(standIn.baseUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("LD-API-Version", "20240415")
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
