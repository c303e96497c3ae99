package io.quarkiverse.launchdarkly.standin.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of the metrics API, thrown from deep inside validation or patching and turned into LaunchDarkly's
 * error body ({@code code}, {@code message}, {@code id}) in one place. Messages are written for the client and must
 * never contain an access token.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    private ApiError(int status, String code, String message, Map<String, String> headers) {
        // No stack trace: these are answers, not failures of the stand-in.
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    static ApiError invalid(String message) {
        return new ApiError(400, "invalid_request", message);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "Invalid access token");
    }

    static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    static ApiError methodNotAllowed(String method, String allowed) {
        return new ApiError(405, "method_not_allowed", "Method " + method + " is not allowed on this resource; allowed: "
                + allowed, Map.of("Allow", allowed));
    }

    static ApiError conflict(String message) {
        return new ApiError(409, "optimistic_locking_error", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return new LinkedHashMap<>(headers);
    }
}
