package io.quarkiverse.launchdarkly.runtime.registration.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;

/**
 * When {@link LaunchDarklyMetricsClient} retries a request, and how long it waits before each retry.
 * <ul>
 * <li>Retried: 429 (rate limited), 5xx and I/O failures (no answer), at most {@code maxRetries} times per request.
 * Never retried: every other status, in particular 400, 401, 403, 404 and 409.</li>
 * <li>429: at least the wait LaunchDarkly asked for ({@code Retry-After} in seconds or as an HTTP date, else until
 * {@code X-Ratelimit-Reset}, epoch milliseconds), and at least {@code minRateLimitWait} (a reset time in the past, which
 * LaunchDarkly has been seen to send, and {@code Retry-After: 0} wait that long) and at least the exponential backoff
 * of this retry; plus up to 20% (at most one second) of jitter; at most {@code maxWait}.</li>
 * <li>5xx and I/O failures: exponential backoff, {@code initialBackoff} doubling with each retry up to
 * {@code maxBackoff}, with "equal jitter" (between half of it and all of it).</li>
 * </ul>
 * The defaults follow LaunchDarkly's own Terraform provider (200 ms to 10 s).
 *
 * @param maxRetries how many times one request is retried (negative counts as 0)
 * @param initialBackoff the backoff before the first retry
 * @param maxBackoff the largest backoff
 * @param minRateLimitWait the shortest wait after a 429
 * @param maxWait the longest wait before any retry, whatever LaunchDarkly asked for
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration minRateLimitWait,
        Duration maxWait) {

    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MIN_RATE_LIMIT_WAIT = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

    private static final Duration MAX_RATE_LIMIT_JITTER = Duration.ofSeconds(1);

    public RetryPolicy {
        maxRetries = Math.max(0, maxRetries);
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(minRateLimitWait, "minRateLimitWait");
        Objects.requireNonNull(maxWait, "maxWait");
    }

    /** The default waits with this many retries. */
    public static RetryPolicy of(int maxRetries) {
        return new RetryPolicy(maxRetries, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_MIN_RATE_LIMIT_WAIT,
                DEFAULT_MAX_WAIT);
    }

    /** Whether a failure with this status (0 for no answer) is worth retrying: 429, 5xx, or no answer. */
    public static boolean isRetryable(int status) {
        return status == 0 || status == 429 || (status >= 500 && status <= 599);
    }

    /** The backoff before retry number {@code retry} (1 for the first) without jitter. */
    public Duration nominalBackoff(int retry) {
        int doublings = Math.max(0, Math.min(retry - 1, 30));
        long millis = initialBackoff.toMillis() << doublings;
        if (millis < 0 || millis > maxBackoff.toMillis()) {
            millis = maxBackoff.toMillis();
        }
        return Duration.ofMillis(millis);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first) of a request that failed with {@code status}.
     *
     * @param serverWait the wait LaunchDarkly asked for in a 429 answer ({@link #serverWait}), if any
     * @param random a number in {@code [0, 1)}, for the jitter
     */
    public Duration waitBefore(int retry, int status, Optional<Duration> serverWait, double random) {
        double jitter = Math.max(0, Math.min(random, 1));
        Duration nominal = nominalBackoff(retry);
        Duration wait;
        if (status == 429) {
            Duration base = max(max(serverWait.orElse(Duration.ZERO), minRateLimitWait), nominal);
            long jitterMillis = (long) (jitter * Math.min(MAX_RATE_LIMIT_JITTER.toMillis(), base.toMillis() / 5));
            wait = base.plusMillis(jitterMillis);
        } else {
            long half = nominal.toMillis() / 2;
            wait = Duration.ofMillis(half + (long) (jitter * (nominal.toMillis() - half)));
        }
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    /**
     * The wait a 429 answer asks for: {@code Retry-After} (seconds, or an HTTP date), else the time until
     * {@code X-Ratelimit-Reset} (epoch milliseconds). A time in the past gives zero. Empty when neither header is
     * there or readable.
     */
    public static Optional<Duration> serverWait(String retryAfter, String rateLimitReset, Instant now) {
        if (retryAfter != null && !retryAfter.isBlank()) {
            String value = retryAfter.trim();
            try {
                double seconds = Double.parseDouble(value);
                if (Double.isFinite(seconds)) {
                    return Optional.of(Duration.ofMillis((long) (Math.max(0, Math.min(seconds, 86_400)) * 1000)));
                }
            } catch (NumberFormatException e) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Optional.of(nonNegative(Duration.between(now, at)));
                } catch (DateTimeParseException notADate) {
                    // fall through to X-Ratelimit-Reset
                }
            }
        }
        if (rateLimitReset != null && !rateLimitReset.isBlank()) {
            try {
                long resetMillis = Long.parseLong(rateLimitReset.trim());
                return Optional.of(nonNegative(Duration.ofMillis(resetMillis - now.toEpochMilli())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
