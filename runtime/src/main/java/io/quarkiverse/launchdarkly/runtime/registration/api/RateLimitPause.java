package io.quarkiverse.launchdarkly.runtime.registration.api;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The wait LaunchDarkly asked for in its last 429 or its last used-up window, shared by the requests of one client
 * and of the copies {@code withMaxRetries} makes of it, in all threads (its rate limits count per token; a
 * {@code withDeadline} copy, a registration run for one, holds its own). Once one request is refused, the others hold
 * back until the same time instead of each being refused in turn: with several requests under way, a full window costs
 * at most one refusal per request in flight, not one per request sent. Thread-safe.
 */
final class RateLimitPause {

    private final AtomicLong untilEpochMillis = new AtomicLong(Long.MIN_VALUE);

    /** Holds requests back until {@code until}; an earlier time than the one already set changes nothing. */
    void holdUntil(Instant until) {
        untilEpochMillis.accumulateAndGet(until.toEpochMilli(), Math::max);
    }

    /** How long a request about to start at {@code now} must still wait; zero when it may go. */
    Duration remaining(Instant now) {
        long until = untilEpochMillis.get();
        if (until == Long.MIN_VALUE) {
            return Duration.ZERO;
        }
        long left = until - now.toEpochMilli();
        return left > 0 ? Duration.ofMillis(left) : Duration.ZERO;
    }
}
