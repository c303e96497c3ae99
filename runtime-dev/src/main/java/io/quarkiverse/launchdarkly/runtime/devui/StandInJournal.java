package io.quarkiverse.launchdarkly.runtime.devui;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.launchdarkly.sdk.LDValue;

/**
 * What the Dev UI reads of the stand-in, which runs outside the application (as the Dev Service, or on its own): its
 * journal and its settings, over its admin API on loopback.
 */
final class StandInJournal {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI baseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    StandInJournal(URI baseUri) {
        this.baseUri = baseUri;
    }

    URI baseUri() {
        return baseUri;
    }

    /** One event as the stand-in received it. */
    record Received(long sequence, Instant receivedAt, LDValue event) {

        String kind() {
            return event.get("kind").stringValue();
        }

        String key() {
            return event.get("key").stringValue();
        }

        boolean isCustom() {
            return "custom".equals(kind());
        }

        LDValue data() {
            return event.get("data");
        }

        Double metricValue() {
            LDValue value = event.get("metricValue");
            return value.isNumber() ? value.doubleValue() : null;
        }
    }

    /** The journal's counts and the retained events after {@code sequence} (of one kind when not null). */
    record Snapshot(long total, long dropped, long payloads, LDValue customEventCounts, List<Received> events) {
    }

    Snapshot events(long after, String kind) throws IOException {
        LDValue json = get("/_local/events?after=" + after + (kind == null ? "" : "&kind=" + kind));
        List<Received> events = new ArrayList<>();
        for (LDValue entry : json.get("events").values()) {
            events.add(new Received(entry.get("sequence").longValue(), Instant.parse(entry.get("receivedAt").stringValue()),
                    entry.get("event")));
        }
        return new Snapshot(json.get("total").longValue(), json.get("dropped").longValue(),
                json.get("payloads").longValue(), json.get("customEventCounts"), events);
    }

    /** Keys, flag file, journal capacity, open streams. */
    LDValue info() throws IOException {
        return get("/_local/info");
    }

    void clear() throws IOException {
        send(HttpRequest.newBuilder(baseUri.resolve("/_local/events")).timeout(TIMEOUT).DELETE().build());
    }

    /** The flag data served now: {@code {"flags": {...}, "segments": {...}}} in LaunchDarkly's server-side format. */
    LDValue flags() throws IOException {
        return get("/_local/flags");
    }

    /** Serves this value for one flag, pushed to the SDK over its stream, until the flags file is served again. */
    void setFlag(String flagKey, LDValue value) throws IOException {
        send(HttpRequest.newBuilder(baseUri.resolve("/_local/flags/" + URLEncoder.encode(flagKey, StandardCharsets.UTF_8)))
                .timeout(TIMEOUT).PUT(HttpRequest.BodyPublishers.ofString(value.toJsonString())).build());
    }

    /** Serves the flags file again, forgetting the values set since. */
    void useFlagsFile() throws IOException {
        send(HttpRequest.newBuilder(baseUri.resolve("/_local/flags")).timeout(TIMEOUT).DELETE().build());
    }

    private LDValue get(String path) throws IOException {
        return LDValue.parse(send(HttpRequest.newBuilder(baseUri.resolve(path)).timeout(TIMEOUT).GET().build()));
    }

    private String send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IOException("the stand-in answered " + response.statusCode() + " to " + request.method() + " "
                        + request.uri().getPath());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
