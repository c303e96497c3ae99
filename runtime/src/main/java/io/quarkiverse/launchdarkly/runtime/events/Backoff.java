package io.quarkiverse.launchdarkly.runtime.events;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter: after the n-th consecutive failure the wait is between half and all of
 * {@code min(max, initial * 2^(n-1))}, so many instances recovering from the same outage do not retry in step, and no
 * wait collapses to zero.
 */
record Backoff(Duration initial, Duration max) {

    Duration after(int failures) {
        long ceiling = max.toMillis();
        long base = initial.toMillis();
        for (int i = 1; i < failures && base < ceiling; i++) {
            base *= 2;
        }
        base = Math.max(1, Math.min(base, ceiling));
        long half = base / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(base - half + 1));
    }
}
