package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.launchdarkly.runtime.registration.api.RetryPolicy;

/**
 * The waits of {@link RetryPolicy}, with fixed times and jitter, for the cases the stand-in cannot produce
 * ({@code X-Ratelimit-Reset} on a 429, resets in the past, HTTP dates, huge waits).
 */
class MetricsApiClientRetryPolicyTest {

    static final Instant NOW = Instant.parse("2026-03-25T10:00:00Z");
    final RetryPolicy policy = RetryPolicy.of(5);

    @Test
    void onlyRateLimitsServerErrorsAndIoFailuresAreRetried() {
        assertThat(RetryPolicy.isRetryable(429)).isTrue();
        assertThat(RetryPolicy.isRetryable(500)).isTrue();
        assertThat(RetryPolicy.isRetryable(503)).isTrue();
        assertThat(RetryPolicy.isRetryable(0)).isTrue();
        for (int status : new int[] { 400, 401, 403, 404, 405, 409, 422 }) {
            assertThat(RetryPolicy.isRetryable(status)).as("status %d", status).isFalse();
        }
    }

    @Test
    void serverErrorsBackOffExponentiallyFrom200MsUpTo10s() {
        assertThat(policy.nominalBackoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.nominalBackoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.nominalBackoff(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.nominalBackoff(7)).isEqualTo(Duration.ofMillis(10_000));
        assertThat(policy.nominalBackoff(60)).isEqualTo(Duration.ofMillis(10_000));
        // Equal jitter: between half the backoff and all of it.
        assertThat(policy.waitBefore(3, 500, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.waitBefore(3, 500, Optional.empty(), 0.999)).isBetween(Duration.ofMillis(799),
                Duration.ofMillis(800));
        assertThat(policy.waitBefore(3, 0, Optional.empty(), 0.5)).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void retryAfterSecondsIsWaitedAtLeastPlusJitter() {
        Optional<Duration> asked = RetryPolicy.serverWait("2", null, NOW);
        assertThat(asked).contains(Duration.ofSeconds(2));
        assertThat(policy.waitBefore(1, 429, asked, 0.0)).isEqualTo(Duration.ofSeconds(2));
        // Jitter: up to 20%, at most one second.
        assertThat(policy.waitBefore(1, 429, asked, 1.0)).isEqualTo(Duration.ofMillis(2400));
        assertThat(policy.waitBefore(1, 429, RetryPolicy.serverWait("10", null, NOW), 1.0))
                .isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void retryAfterTakesPrecedenceOverTheResetTime() {
        String reset = Long.toString(NOW.plusSeconds(20).toEpochMilli());
        assertThat(RetryPolicy.serverWait("3", reset, NOW)).contains(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterAsHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(7).atOffset(ZoneOffset.UTC));
        assertThat(RetryPolicy.serverWait(date, null, NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void rateLimitResetIsEpochMillis() {
        String reset = Long.toString(NOW.plusMillis(4500).toEpochMilli());
        Optional<Duration> asked = RetryPolicy.serverWait(null, reset, NOW);
        assertThat(asked).contains(Duration.ofMillis(4500));
        assertThat(policy.waitBefore(1, 429, asked, 0.0)).isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void aResetInThePastIsClampedToTheMinimumWait() {
        String reset = Long.toString(NOW.minusSeconds(3600).toEpochMilli());
        Optional<Duration> asked = RetryPolicy.serverWait(null, reset, NOW);
        assertThat(asked).contains(Duration.ZERO);
        assertThat(policy.waitBefore(1, 429, asked, 0.0)).isEqualTo(RetryPolicy.DEFAULT_MIN_RATE_LIMIT_WAIT);
        assertThat(policy.waitBefore(1, 429, RetryPolicy.serverWait("0", null, NOW), 0.0))
                .isEqualTo(RetryPolicy.DEFAULT_MIN_RATE_LIMIT_WAIT);
    }

    @Test
    void aRateLimitWithoutHeadersBacksOffButWaitsAtLeastTheMinimum() {
        assertThat(RetryPolicy.serverWait(null, null, NOW)).isEmpty();
        assertThat(RetryPolicy.serverWait("soon", "later", NOW)).isEmpty();
        assertThat(policy.waitBefore(1, 429, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.waitBefore(5, 429, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(3200));
    }

    @Test
    void everyWaitIsCappedAt30Seconds() {
        assertThat(policy.waitBefore(1, 429, RetryPolicy.serverWait("3600", null, NOW), 0.5))
                .isEqualTo(Duration.ofSeconds(30));
        String reset = Long.toString(NOW.plus(Duration.ofDays(1)).toEpochMilli());
        assertThat(policy.waitBefore(1, 429, RetryPolicy.serverWait(null, reset, NOW), 0.0))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void negativeMaxRetriesMeansNone() {
        assertThat(RetryPolicy.of(-1).maxRetries()).isZero();
    }
}
