package io.quarkiverse.launchdarkly.standin.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of a route handler of the local stand-in.
 *
 * @param status the HTTP status code
 * @param headers response headers (the server adds {@code Content-Length})
 * @param body the response body, empty for none
 */
public record LocalResponse(int status, Map<String, String> headers, byte[] body) {

    private static final byte[] EMPTY = new byte[0];

    /** A response with a JSON body. */
    public static LocalResponse json(int status, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return new LocalResponse(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A response without a body. */
    public static LocalResponse empty(int status) {
        return new LocalResponse(status, new LinkedHashMap<>(), EMPTY);
    }

    /** This response with one more header. */
    public LocalResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new LocalResponse(status, copy, body);
    }
}
