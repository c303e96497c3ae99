package io.quarkiverse.launchdarkly.standin.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request received by the local stand-in, detached from the HTTP server so that route handlers can be written
 * (and read) without knowing which server carries them.
 *
 * @param method the upper-case HTTP method
 * @param path the decoded request path, without the query string
 * @param query the decoded query parameters, in order of appearance
 * @param headers the request headers, keyed by lower-case name
 * @param body the raw request body, empty when there is none
 */
public record LocalRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
        byte[] body) {

    /** The first value of a header, matched case-insensitively, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a query parameter, or {@code null}. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
