package io.quarkiverse.launchdarkly.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.launchdarkly.sdk.LDValue;

/** The stand-in's metrics REST API as a test sees it: the requests it answered and the metrics it holds. */
public final class StandInMetrics {

    private final StandInHttp http;

    StandInMetrics(StandInHttp http) {
        this.http = http;
    }

    /** The requests answered (the last 200), oldest first. */
    public List<RecordedApiCall> calls() {
        List<RecordedApiCall> calls = new ArrayList<>();
        for (LDValue call : http.get("/_local/metrics/calls").get("calls").values()) {
            calls.add(RecordedApiCall.from(call));
        }
        return calls;
    }

    /**
     * How many requests were answered per HTTP method ({@code GET}, {@code POST}, ...) since the last reset, all of
     * them: {@link #calls()} keeps only the last 200.
     */
    public Map<String, Long> callCounts() {
        Map<String, Long> counts = new TreeMap<>();
        LDValue json = http.get("/_local/metrics/call-counts");
        for (String method : json.keys()) {
            counts.put(method, json.get(method).longValue());
        }
        return counts;
    }

    /**
     * The most requests under way at the same time since the last reset, counted from their arrival (before any fault
     * delays them) to their answer: how many requests a client runs in parallel.
     */
    public int peakConcurrentRequests() {
        return http.get("/_local/metrics/peak-concurrency").get("peak").intValue();
    }

    /** The most recent request, if any. */
    public Optional<RecordedApiCall> lastCall() {
        List<RecordedApiCall> calls = calls();
        return calls.isEmpty() ? Optional.empty() : Optional.of(calls.get(calls.size() - 1));
    }

    /** The metrics of a project as "Get metric" would answer them, in creation order. */
    public List<LDValue> metrics(String projectKey) {
        List<LDValue> metrics = new ArrayList<>();
        http.get("/_local/metrics/" + encode(projectKey)).get("items").values().forEach(metrics::add);
        return metrics;
    }

    /** One metric as "Get metric" would answer it. */
    public Optional<LDValue> metric(String projectKey, String metricKey) {
        return metrics(projectKey).stream().filter(metric -> metricKey.equals(metric.get("key").stringValue()))
                .findFirst();
    }

    /**
     * Stores a metric as it is, replacing one with the same key, for a test that needs a metric to exist already (one
     * with the managed tag, or one created in the LaunchDarkly UI with fields a client does not know). Only the key and
     * kind are checked; read-only fields given are kept, the missing ones filled as on create.
     *
     * @param metricJson a metric body or representation, as JSON text
     * @return the metric as "Get metric" would answer it
     * @throws IllegalArgumentException when the stand-in refuses it, saying why
     */
    public LDValue put(String projectKey, String metricJson) {
        return http.send("PUT", "/_local/metrics/" + encode(projectKey), metricJson);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
