package io.quarkiverse.launchdarkly.deployment.registration;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedApiCall;

/** Shared definitions and helpers of the registration tests. */
final class RegistrationTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Three definitions: a numeric custom metric, a conversion and a percentile latency. */
    static final String THREE_METRICS = """
            quarkus.launchdarkly.metrics."ai.task.completion".name=AI Task Completion Rate
            quarkus.launchdarkly.metrics."ai.task.completion".numeric=true
            quarkus.launchdarkly.metrics."ai.task.completion".unit=count
            quarkus.launchdarkly.metrics."ai.task.completion".success-criteria=higher-than-baseline
            quarkus.launchdarkly.metrics."ai.task.completion".description=Tracks successful AI task completions
            quarkus.launchdarkly.metrics."ai.task.completion".tags=ai,support
            quarkus.launchdarkly.metrics."checkout.completed".name=Checkout completed
            quarkus.launchdarkly.metrics."search.latency".name=Search latency
            quarkus.launchdarkly.metrics."search.latency".numeric=true
            quarkus.launchdarkly.metrics."search.latency".unit=milliseconds
            quarkus.launchdarkly.metrics."search.latency".success-criteria=lower-than-baseline
            quarkus.launchdarkly.metrics."search.latency".unit-aggregation=average
            quarkus.launchdarkly.metrics."search.latency".analysis-type=percentile
            quarkus.launchdarkly.metrics."search.latency".percentile-value=95
            quarkus.launchdarkly.metrics."search.latency".randomization-units=user
            """;

    private RegistrationTestSupport() {
    }

    /**
     * The {@code application.properties} of {@code count} declared metrics, {@code keyFormat} and {@code nameFormat}
     * applied to 1..count, registered before the application starts.
     */
    static String numberedMetrics(String keyFormat, String nameFormat, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> ("quarkus.launchdarkly.metrics.\"" + keyFormat + "\".name=" + nameFormat + "\n").formatted(i, i))
                .collect(Collectors.joining()) + "quarkus.launchdarkly.registration.blocking=true\n";
    }

    /** The write calls (POST, PATCH, DELETE) the stand-in received. */
    static List<RecordedApiCall> writes(LocalLaunchDarkly local) {
        return local.metricsApi().calls().stream().filter(RecordedApiCall::isWrite).toList();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    /** Changes a metric on the LaunchDarkly side, as someone in the LaunchDarkly UI would. */
    static void patchInLaunchDarkly(LocalLaunchDarkly local, String metricKey, String patch) {
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    local.baseUri().resolve("/api/v2/metrics/default/" + metricKey))
                    .header("Authorization", local.writerApiToken()).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("The stand-in did not answer the PATCH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("PATCH answered " + response.statusCode() + ": " + response.body());
        }
    }
}
