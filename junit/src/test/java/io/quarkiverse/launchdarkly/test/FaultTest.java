package io.quarkiverse.launchdarkly.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What a test can build as a {@link Fault}, and the message it gets for what it cannot. */
class FaultTest {

    private static final String METRICS = "/api/v2/metrics/**";

    @Test
    void aRateLimitNamesWhatIsWrongWithIt() {
        assertThatThrownBy(() -> Fault.on("*", METRICS).rateLimit(-1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A rate limit lets zero or more requests through, got -1");
        for (Duration window : new Duration[] { null, Duration.ZERO, Duration.ofMillis(-5) }) {
            assertThatThrownBy(() -> Fault.on("*", METRICS).rateLimit(10, window))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A rate limit window is positive, got " + window);
        }
        assertThatThrownBy(() -> Fault.on("*", METRICS).rateLimit(10, Duration.ofSeconds(1)).times(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A rate limit applies until cleared");
    }

    @Test
    void aRateLimitMadeToApplyAlwaysKeepsItsLimitAndWindow() {
        Fault limit = Fault.on("*", METRICS).rateLimit(10, Duration.ofSeconds(1));
        Fault always = limit.always();

        assertThat(always).isEqualTo(limit);
        assertThat(always.limitValue()).isEqualTo(10);
        assertThat(always.windowValue()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Fault.fromJson(always.toJson())).isEqualTo(limit); // how it travels to the stand-in
        assertThat(always).hasToString("* /api/v2/metrics/** -> rate limit 10 per PT1S (0 refused), always");
    }

    @Test
    void theOtherFaultsNameWhatIsWrongWithThem() {
        assertThatThrownBy(() -> Fault.on("GET", "api/v2/metrics"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A path pattern starts with '/': api/v2/metrics");
        assertThatThrownBy(() -> Fault.on("GET", METRICS).status(99))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Not an HTTP status code: 99");
        assertThatThrownBy(() -> Fault.on("GET", METRICS).retryAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Retry-After cannot be negative");
        assertThatThrownBy(() -> Fault.on("GET", METRICS).delay(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A delay cannot be negative");
        assertThatThrownBy(() -> Fault.on("GET", METRICS).times(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A fault applies at least once, got 0");
    }
}
