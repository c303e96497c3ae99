package io.quarkiverse.launchdarkly.standin;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A fault the local stand-in injects into the requests that match it, so tests can see how the SDK and the REST client
 * behave when LaunchDarkly is slow, refuses, rate limits or fails.
 * <p>
 * Build one with {@link #on(String, String)}, choose what happens ({@link #status(int)}, {@link #delay(Duration)},
 * {@link #dropConnection()} or {@link #rateLimit(int, Duration)}) and how often ({@link #times(int)}), then give it to
 * {@link Faults#inject(Fault)}:
 *
 * <pre>
 * local.faults().inject(Fault.on("POST", "/api/v2/metrics/*").status(429).retryAfter(Duration.ofSeconds(1)).times(2));
 * local.faults().inject(Fault.on("POST", "/bulk").dropConnection().times(1));
 * local.faults().inject(Fault.on("*", "/api/v2/**").rateLimit(10, Duration.ofSeconds(1)));
 * </pre>
 *
 * Path patterns are matched segment by segment: {@code *} matches one segment, {@code **} any number of segments.
 * The method {@code *} matches every method. Instances are immutable.
 * <p>
 * Over the admin API a fault is the JSON object {@link #toJson()} writes:
 * {@code {"method":"POST","path":"/bulk","action":"status","status":503,"retryAfterMillis":1000,"times":3}}, with
 * {@code "action":"delay","delayMillis":2000}, {@code "action":"drop-connection"} or
 * {@code "action":"rate-limit","limit":10,"windowMillis":1000} (read back with {@code "rejected"}, the requests it
 * refused so far), and {@code "times":-1} for always.
 */
public final class Fault {

    /** What a fault does to a matching request. */
    public enum Action {
        /** Answer with a status code (and {@code Retry-After} when set) instead of handling the request. */
        STATUS,
        /** Wait, then handle the request normally. */
        DELAY,
        /** Close the connection without answering. */
        DROP_CONNECTION,
        /**
         * Let a number of matching requests through per fixed window, and answer the others {@code 429} with
         * LaunchDarkly's {@code X-Ratelimit-Reset} (epoch milliseconds of the window's end) and
         * {@code X-Ratelimit-Route-Remaining: 0}. Applies until cleared.
         */
        RATE_LIMIT
    }

    private final String method;
    private final String pathPattern;
    private final Action action;
    private final int status;
    private final Duration retryAfter;
    private final Duration delay;
    private final int times;
    private final int limit;
    private final Duration window;
    private final long rejected;
    private final long resetAtMillis;

    private Fault(String method, String pathPattern, Action action, int status, Duration retryAfter, Duration delay,
            int times) {
        this(method, pathPattern, action, status, retryAfter, delay, times, 0, null, 0, 0);
    }

    private Fault(String method, String pathPattern, Action action, int status, Duration retryAfter, Duration delay,
            int times, int limit, Duration window, long rejected, long resetAtMillis) {
        this.method = method;
        this.pathPattern = pathPattern;
        this.action = action;
        this.status = status;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.times = times;
        this.limit = limit;
        this.window = window;
        this.rejected = rejected;
        this.resetAtMillis = resetAtMillis;
    }

    /**
     * Starts a fault for the requests with this method ({@code *} for any) and path pattern. Until an action is chosen
     * it answers {@code 503}, once.
     */
    public static Fault on(String method, String pathPattern) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathPattern, "pathPattern");
        if (!pathPattern.startsWith("/")) {
            throw new IllegalArgumentException("A path pattern starts with '/': " + pathPattern);
        }
        return new Fault(method.toUpperCase(Locale.ROOT), pathPattern, Action.STATUS, 503, null, Duration.ZERO, 1);
    }

    /** Answers the matching requests with this status code. */
    public Fault status(int statusCode) {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("Not an HTTP status code: " + statusCode);
        }
        return new Fault(method, pathPattern, Action.STATUS, statusCode, retryAfter, Duration.ZERO, times);
    }

    /** Adds a {@code Retry-After} header (in whole seconds, rounded up) to the status answer. */
    public Fault retryAfter(Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalArgumentException("Retry-After cannot be negative");
        }
        return new Fault(method, pathPattern, Action.STATUS, status, wait, Duration.ZERO, times);
    }

    /** Delays the matching requests, which are then handled normally. */
    public Fault delay(Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalArgumentException("A delay cannot be negative");
        }
        return new Fault(method, pathPattern, Action.DELAY, 0, null, wait, times);
    }

    /** Closes the connection of the matching requests without sending any answer. */
    public Fault dropConnection() {
        return new Fault(method, pathPattern, Action.DROP_CONNECTION, 0, null, Duration.ZERO, times);
    }

    /**
     * Lets {@code requests} matching requests through per fixed {@code window} (the first starts at the first matching
     * request) and answers the others {@code 429} with {@code X-Ratelimit-Reset}, as LaunchDarkly's API does.
     */
    public Fault rateLimit(int requests, Duration window) {
        if (requests < 0) {
            throw new IllegalArgumentException("A rate limit lets zero or more requests through, got " + requests);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit window is positive, got " + window);
        }
        return new Fault(method, pathPattern, Action.RATE_LIMIT, 429, null, Duration.ZERO, Integer.MAX_VALUE, requests,
                window, 0, 0);
    }

    /** The same rate limit, reporting how many requests it refused so far. */
    Fault withRejected(long count) {
        return new Fault(method, pathPattern, action, status, retryAfter, delay, times, limit, window, count, 0);
    }

    /** The answer of a request a rate limit refused: 429, the window ending at {@code resetAt} epoch milliseconds. */
    Fault refusal(long resetAt) {
        return new Fault(method, pathPattern, Action.STATUS, 429, null, Duration.ZERO, 1, limit, window, rejected,
                resetAt);
    }

    /** Applies the fault to this many matching requests, then stops matching. */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A fault applies at least once, got " + count);
        }
        if (action == Action.RATE_LIMIT) {
            throw new IllegalArgumentException("A rate limit applies until cleared");
        }
        return new Fault(method, pathPattern, action, status, retryAfter, delay, count);
    }

    /** Applies the fault to every matching request until {@link Faults#clear()}. */
    public Fault always() {
        if (action == Action.RATE_LIMIT) {
            return this; // it applies until cleared already; a copy would lose its limit and window
        }
        return new Fault(method, pathPattern, action, status, retryAfter, delay, Integer.MAX_VALUE);
    }

    public String method() {
        return method;
    }

    public String pathPattern() {
        return pathPattern;
    }

    public Action action() {
        return action;
    }

    public int statusCode() {
        return status;
    }

    /** The {@code Retry-After} wait, or {@code null} when the answer has none. */
    public Duration retryAfterValue() {
        return retryAfter;
    }

    public Duration delayValue() {
        return delay;
    }

    public int timesValue() {
        return times;
    }

    /** The requests a rate limit lets through per window. */
    public int limitValue() {
        return limit;
    }

    /** A rate limit's window, {@code null} for other faults. */
    public Duration windowValue() {
        return window;
    }

    /** The requests a rate limit refused so far (as {@link Faults#pending()} reports it). */
    public long rejectedValue() {
        return rejected;
    }

    /** The {@code X-Ratelimit-Reset} of a rate limit's refusal, 0 for other answers. */
    long resetAtMillis() {
        return resetAtMillis;
    }

    /** The fault as the admin API reads and writes it. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("method", method).put("path", pathPattern);
        switch (action) {
            case STATUS -> {
                json.put("action", "status").put("status", status);
                if (retryAfter != null) {
                    json.put("retryAfterMillis", retryAfter.toMillis());
                }
            }
            case DELAY -> json.put("action", "delay").put("delayMillis", delay.toMillis());
            case DROP_CONNECTION -> json.put("action", "drop-connection");
            case RATE_LIMIT -> json.put("action", "rate-limit").put("limit", limit)
                    .put("windowMillis", window.toMillis()).put("rejected", rejected);
        }
        return json.put("times", times == Integer.MAX_VALUE ? -1 : times);
    }

    /**
     * Reads a fault written as {@link #toJson()} does.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Fault fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("A fault is a JSON object");
        }
        Fault fault = on(text(json, "method", "*"), text(json, "path", null));
        String action = text(json, "action", "status");
        fault = switch (action) {
            case "status" -> {
                Fault withStatus = fault.status(json.path("status").asInt(503));
                yield json.has("retryAfterMillis")
                        ? withStatus.retryAfter(Duration.ofMillis(json.get("retryAfterMillis").asLong()))
                        : withStatus;
            }
            case "delay" -> fault.delay(Duration.ofMillis(json.path("delayMillis").asLong()));
            case "drop-connection" -> fault.dropConnection();
            case "rate-limit" -> fault.rateLimit(json.path("limit").asInt(-1),
                    Duration.ofMillis(json.path("windowMillis").asLong(0))).withRejected(json.path("rejected").asLong(0));
            default -> throw new IllegalArgumentException("Unknown fault action '" + action
                    + "'; expected status, delay, drop-connection or rate-limit");
        };
        if (fault.action == Action.RATE_LIMIT) {
            return fault;
        }
        int times = json.path("times").asInt(1);
        return times < 0 ? fault.always() : fault.times(times);
    }

    private static String text(JsonNode json, String field, String fallback) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException("A fault needs '" + field + "'");
            }
            return fallback;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' of a fault must be a string");
        }
        return value.asText();
    }

    boolean matches(String requestMethod, String requestPath) {
        return ("*".equals(method) || method.equals(requestMethod)) && PathPattern.matches(pathPattern, requestPath);
    }

    @Override
    public String toString() {
        String what = switch (action) {
            case STATUS -> "status " + status + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")");
            case DELAY -> "delay " + delay;
            case DROP_CONNECTION -> "dropped connection";
            case RATE_LIMIT -> "rate limit " + limit + " per " + window + " (" + rejected + " refused)";
        };
        return method + " " + pathPattern + " -> " + what + (times == Integer.MAX_VALUE ? ", always" : ", " + times + "x");
    }

    /** Segment-wise glob matching of request paths. */
    static final class PathPattern {

        private PathPattern() {
        }

        static boolean matches(String pattern, String path) {
            return matches(split(pattern), 0, split(path), 0);
        }

        private static String[] split(String path) {
            String trimmed = path.startsWith("/") ? path.substring(1) : path;
            return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
        }

        private static boolean matches(String[] pattern, int p, String[] path, int s) {
            if (p == pattern.length) {
                return s == path.length;
            }
            if ("**".equals(pattern[p])) {
                for (int skip = s; skip <= path.length; skip++) {
                    if (matches(pattern, p + 1, path, skip)) {
                        return true;
                    }
                }
                return false;
            }
            if (s == path.length) {
                return false;
            }
            return ("*".equals(pattern[p]) || pattern[p].equals(path[s])) && matches(pattern, p + 1, path, s + 1);
        }
    }
}
