package io.quarkiverse.launchdarkly.test;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;

/**
 * A fault the stand-in injects into the requests that match it, so a test sees how the SDK and the REST client behave
 * when LaunchDarkly is slow, refuses, rate limits or fails.
 * <p>
 * Build one with {@link #on(String, String)}, choose what happens ({@link #status(int)}, {@link #delay(Duration)},
 * {@link #dropConnection()} or {@link #rateLimit(int, Duration)}) and how often ({@link #times(int)}, once by
 * default), then arm it with {@link Faults#inject(Fault)}:
 *
 * <pre>
 * launchDarkly.faults().inject(Fault.on("POST", "/api/v2/metrics/*").status(429).retryAfter(Duration.ofSeconds(1)).times(2));
 * launchDarkly.faults().inject(Fault.on("POST", "/bulk").dropConnection());
 * launchDarkly.faults().inject(Fault.on("*", "/api/v2/**").rateLimit(10, Duration.ofSeconds(1)));
 * </pre>
 *
 * Path patterns are matched segment by segment: {@code *} matches one segment, {@code **} any number of segments.
 * The method {@code *} matches every method. Instances are immutable.
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
         * Let a number of matching requests through per fixed window and answer the others {@code 429} with
         * {@code X-Ratelimit-Reset} (the window's end, epoch milliseconds), as LaunchDarkly's API does; until cleared.
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

    private Fault(String method, String pathPattern, Action action, int status, Duration retryAfter, Duration delay,
            int times) {
        this(method, pathPattern, action, status, retryAfter, delay, times, 0, null, 0);
    }

    private Fault(String method, String pathPattern, Action action, int status, Duration retryAfter, Duration delay,
            int times, int limit, Duration window, long rejected) {
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
     * request) and answers the others {@code 429} with {@code X-Ratelimit-Reset}; applies until cleared.
     */
    public Fault rateLimit(int requests, Duration window) {
        if (requests < 0) {
            throw new IllegalArgumentException("A rate limit lets zero or more requests through, got " + requests);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit window is positive, got " + window);
        }
        return new Fault(method, pathPattern, Action.RATE_LIMIT, 429, null, Duration.ZERO, Integer.MAX_VALUE, requests,
                window, 0);
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

    /** How many more requests it applies to; {@link Integer#MAX_VALUE} for always. */
    public int timesValue() {
        return times;
    }

    /** The requests a rate limit lets through per window. */
    public int limitValue() {
        return limit;
    }

    /** A rate limit's window; {@code null} for other faults. */
    public Duration windowValue() {
        return window;
    }

    /** How many requests a rate limit refused so far, as {@link Faults#pending()} reads it. */
    public long rejectedValue() {
        return rejected;
    }

    /** The fault as the stand-in's admin API takes it. */
    LDValue toJson() {
        ObjectBuilder json = LDValue.buildObject().put("method", method).put("path", pathPattern);
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
        return json.put("times", times == Integer.MAX_VALUE ? -1 : times).build();
    }

    /** A fault as the stand-in's admin API lists it. */
    static Fault fromJson(LDValue json) {
        Fault fault = on(json.get("method").stringValue(), json.get("path").stringValue());
        if ("rate-limit".equals(json.get("action").stringValue())) {
            Fault limit = fault.rateLimit(json.get("limit").intValue(),
                    Duration.ofMillis(json.get("windowMillis").longValue()));
            return new Fault(limit.method, limit.pathPattern, Action.RATE_LIMIT, 429, null, Duration.ZERO,
                    Integer.MAX_VALUE, limit.limit, limit.window, json.get("rejected").longValue());
        }
        fault = switch (json.get("action").stringValue()) {
            case "delay" -> fault.delay(Duration.ofMillis(json.get("delayMillis").longValue()));
            case "drop-connection" -> fault.dropConnection();
            default -> {
                Fault withStatus = fault.status(json.get("status").intValue());
                yield json.get("retryAfterMillis").isNumber()
                        ? withStatus.retryAfter(Duration.ofMillis(json.get("retryAfterMillis").longValue()))
                        : withStatus;
            }
        };
        int count = json.get("times").intValue();
        return count < 0 ? fault.always() : fault.times(count);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fault fault && toJson().equals(fault.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
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
}
