package io.quarkiverse.launchdarkly.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launchdarkly.sdk.LDValue;

/**
 * One request the stand-in's metrics REST API answered, so a test can assert what a client sent (for example "exactly
 * one PATCH with these two operations" or "no write was sent") and how the stand-in answered. The
 * {@code Authorization} header is not recorded: access tokens never reach a log or an assertion message.
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

    public RecordedApiCall {
        query = query == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(query));
        requestBody = requestBody == null ? "" : requestBody;
    }

    static RecordedApiCall from(LDValue json) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        LDValue parameters = json.get("query");
        for (String name : parameters.keys()) {
            List<String> values = new ArrayList<>();
            parameters.get(name).values().forEach(value -> values.add(value.stringValue()));
            query.put(name, values);
        }
        return new RecordedApiCall(json.get("method").stringValue(), json.get("path").stringValue(), query,
                json.get("status").intValue(), json.get("requestBody").stringValue(), json.get("userAgent").stringValue(),
                json.get("apiVersion").stringValue(), json.get("contentType").stringValue());
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

    /** The request body parsed as JSON, or {@link LDValue#ofNull()} when it is empty or not JSON. */
    public LDValue requestJson() {
        if (requestBody.isBlank()) {
            return LDValue.ofNull();
        }
        try {
            return LDValue.parse(requestBody);
        } catch (RuntimeException e) {
            return LDValue.ofNull();
        }
    }
}
