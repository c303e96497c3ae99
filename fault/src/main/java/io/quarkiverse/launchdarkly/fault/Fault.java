package io.quarkiverse.launchdarkly.fault;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A fault the local LaunchDarkly stand-in injects into the requests that match it, so a test sees how the SDK and the
 * REST client behave when LaunchDarkly is slow, refuses, rate limits or fails.
 * <p>
 * Build one with {@link #on(String, String)}, choose what happens ({@link #status(int)}, {@link #delay(Duration)},
 * {@link #dropConnection()} or {@link #rateLimit(int, Duration)}) and how often ({@link #times(int)}, once by
 * default), then arm it, from a test with {@code LocalLaunchDarkly.faults().inject(fault)}:
 *
 * <pre>
 * launchDarkly.faults().inject(Fault.on("POST", "/api/v2/metrics/*").status(429).retryAfter(Duration.ofSeconds(1)).times(2));
 * launchDarkly.faults().inject(Fault.on("POST", "/bulk").dropConnection());
 * launchDarkly.faults().inject(Fault.on("*", "/api/v2/**").rateLimit(10, Duration.ofSeconds(1)));
 * </pre>
 *
 * Path patterns are matched segment by segment: {@code *} matches one segment, {@code **} any number of segments.
 * The method {@code *} matches every method. Instances are immutable.
 * <p>
 * Over the stand-in's admin API a fault is the JSON object {@link #toJson()} gives the fields of:
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
         * Let a number of matching requests through per fixed window, each told what is left of it
         * ({@code X-Ratelimit-Route-Remaining}, {@code X-Ratelimit-Reset} in epoch milliseconds), and answer the others
         * {@code 429} with the same reset, as LaunchDarkly's API does. Applies until cleared.
         */
        RATE_LIMIT
    }

    private static final int ALWAYS = Integer.MAX_VALUE;

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
     * request) and answers the others {@code 429}, as {@link Action#RATE_LIMIT} says; applies until cleared.
     */
    public Fault rateLimit(int requests, Duration window) {
        if (requests < 0) {
            throw new IllegalArgumentException("A rate limit lets zero or more requests through, got " + requests);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit window is positive, got " + window);
        }
        return new Fault(method, pathPattern, Action.RATE_LIMIT, 429, null, Duration.ZERO, ALWAYS, requests, window, 0);
    }

    /**
     * The same rate limit, reporting that it refused {@code count} requests so far: how the stand-in lists an armed
     * limit. Only a rate limit counts refusals.
     */
    public Fault withRejected(long count) {
        if (action != Action.RATE_LIMIT) {
            throw new IllegalArgumentException("Only a rate limit counts the requests it refused");
        }
        return new Fault(method, pathPattern, action, status, retryAfter, delay, times, limit, window, count);
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

    /** Applies the fault to every matching request until the faults are cleared. */
    public Fault always() {
        if (action == Action.RATE_LIMIT) {
            return this; // it applies until cleared already; a copy would lose its limit and window
        }
        return new Fault(method, pathPattern, action, status, retryAfter, delay, ALWAYS);
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

    /** How many requests a rate limit refused so far, as the stand-in lists its armed faults. */
    public long rejectedValue() {
        return rejected;
    }

    /**
     * The fields of the fault's JSON object, in order: strings, {@code Integer}s and, for durations and the refused
     * count, {@code Long}s.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", method);
        json.put("path", pathPattern);
        switch (action) {
            case STATUS -> {
                json.put("action", "status");
                json.put("status", status);
                if (retryAfter != null) {
                    json.put("retryAfterMillis", retryAfter.toMillis());
                }
            }
            case DELAY -> {
                json.put("action", "delay");
                json.put("delayMillis", delay.toMillis());
            }
            case DROP_CONNECTION -> json.put("action", "drop-connection");
            case RATE_LIMIT -> {
                json.put("action", "rate-limit");
                json.put("limit", limit);
                json.put("windowMillis", window.toMillis());
                json.put("rejected", rejected);
            }
        }
        json.put("times", times == ALWAYS ? -1 : times);
        return json;
    }

    /**
     * Reads the fields of a fault's JSON object as {@link #toJson()} writes them; numbers may be of any
     * {@link Number} type that holds a whole number. A missing {@code method} is {@code *}, a missing {@code action}
     * is {@code status} (503), a missing {@code times} is 1.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Fault fromJson(Map<String, ?> json) {
        Fault fault = on(text(json, "method", "*"), text(json, "path", null));
        String action = text(json, "action", "status");
        fault = switch (action) {
            case "status" -> {
                Fault withStatus = fault.status((int) number(json, "status", 503));
                yield json.get("retryAfterMillis") == null
                        ? withStatus
                        : withStatus.retryAfter(Duration.ofMillis(number(json, "retryAfterMillis", 0)));
            }
            case "delay" -> fault.delay(Duration.ofMillis(number(json, "delayMillis", 0)));
            case "drop-connection" -> fault.dropConnection();
            case "rate-limit" -> fault.rateLimit((int) number(json, "limit", -1),
                    Duration.ofMillis(number(json, "windowMillis", 0))).withRejected(number(json, "rejected", 0));
            default -> throw new IllegalArgumentException("Unknown fault action '" + action
                    + "'; expected status, delay, drop-connection or rate-limit");
        };
        if (fault.action == Action.RATE_LIMIT) {
            return fault;
        }
        long times = number(json, "times", 1);
        return times < 0 ? fault.always() : fault.times((int) Math.min(times, ALWAYS));
    }

    private static String text(Map<String, ?> json, String field, String fallback) {
        Object value = json.get(field);
        if (value == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("A fault needs '" + field + "'");
            }
            return fallback;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("'" + field + "' of a fault must be a string");
        }
        return text;
    }

    private static long number(Map<String, ?> json, String field, long fallback) {
        Object value = json.get(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() != number.longValue()) {
            throw new IllegalArgumentException("'" + field + "' of a fault must be a whole number");
        }
        return number.longValue();
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
        return method + " " + pathPattern + " -> " + what + (times == ALWAYS ? ", always" : ", " + times + "x");
    }
}
