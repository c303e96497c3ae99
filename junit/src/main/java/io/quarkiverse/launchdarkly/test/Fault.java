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
 * Build one with {@link #on(String, String)}, choose what happens ({@link #status(int)}, {@link #delay(Duration)} or
 * {@link #dropConnection()}) and how often ({@link #times(int)}, once by default), then arm it with
 * {@link Faults#inject(Fault)}:
 *
 * <pre>
 * launchDarkly.faults().inject(Fault.on("POST", "/api/v2/metrics/*").status(429).retryAfter(Duration.ofSeconds(1)).times(2));
 * launchDarkly.faults().inject(Fault.on("POST", "/bulk").dropConnection());
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
        DROP_CONNECTION
    }

    private final String method;
    private final String pathPattern;
    private final Action action;
    private final int status;
    private final Duration retryAfter;
    private final Duration delay;
    private final int times;

    private Fault(String method, String pathPattern, Action action, int status, Duration retryAfter, Duration delay,
            int times) {
        this.method = method;
        this.pathPattern = pathPattern;
        this.action = action;
        this.status = status;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.times = times;
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

    /** Applies the fault to this many matching requests, then stops matching. */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A fault applies at least once, got " + count);
        }
        return new Fault(method, pathPattern, action, status, retryAfter, delay, count);
    }

    /** Applies the fault to every matching request until {@link Faults#clear()}. */
    public Fault always() {
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
        }
        return json.put("times", times == Integer.MAX_VALUE ? -1 : times).build();
    }

    /** A fault as the stand-in's admin API lists it. */
    static Fault fromJson(LDValue json) {
        Fault fault = on(json.get("method").stringValue(), json.get("path").stringValue());
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
        };
        return method + " " + pathPattern + " -> " + what + (times == Integer.MAX_VALUE ? ", always" : ", " + times + "x");
    }
}
