package io.quarkiverse.launchdarkly.runtime.registration;

import java.time.Duration;

/** The wait before the next background run of a registration that keeps failing: doubling, capped, with jitter. */
final class RetryBackoff {

    private RetryBackoff() {
    }

    /**
     * @param initial the wait after the first failure
     * @param max the longest wait
     * @param failures the failed runs in a row, 1 for the first
     * @param random a number in {@code [0, 1)}: the wait is cut by up to a fifth, so that instances started together
     *        do not all call LaunchDarkly at the same moment
     */
    static Duration next(Duration initial, Duration max, int failures, double random) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        long millis = initial.toMillis() << doublings;
        if (millis <= 0 || millis > max.toMillis()) {
            millis = max.toMillis();
        }
        long jitter = (long) (millis / 5 * Math.max(0, Math.min(random, 1)));
        return Duration.ofMillis(Math.max(1, millis - jitter));
    }
}
