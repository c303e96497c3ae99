package io.quarkiverse.launchdarkly.standin.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One request answered by {@link MetricsApi}, kept so that tests can assert what a client sent (for example
 * "exactly one PATCH with these two operations" or "no write was sent") and how the stand-in answered.
 * <p>
 * The {@code Authorization} header is deliberately not part of the record: access tokens must never leak into logs,
 * assertion messages or the Dev UI.
 *
 * @param method the upper-case HTTP method
 * @param path the decoded request path
 * @param query the decoded query parameters
 * @param status the status the stand-in answered with
 * @param requestBody the request body as text, empty when there was none
 * @param userAgent the {@code User-Agent} header, or {@code null}
 * @param apiVersion the {@code LD-API-Version} header, or {@code null}
 * @param contentType the {@code Content-Type} header, or {@code null}
 */
public record RecordedApiCall(String method, String path, Map<String, List<String>> query, int status,
        String requestBody, String userAgent, String apiVersion, String contentType) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RecordedApiCall {
        query = query == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(query));
        requestBody = requestBody == null ? "" : requestBody;
    }

    /** Whether the call was a create, update or delete, whatever its outcome. */
    public boolean isWrite() {
        return method.equals("POST") || method.equals("PATCH") || method.equals("DELETE") || method.equals("PUT");
    }

    /** The first value of a query parameter, or {@code null}. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The request body parsed as JSON, or {@code null} when it is empty or not JSON. */
    public JsonNode requestJson() {
        if (requestBody.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(requestBody);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
