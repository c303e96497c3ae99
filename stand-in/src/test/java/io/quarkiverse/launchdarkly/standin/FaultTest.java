package io.quarkiverse.launchdarkly.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The stand-in's own faults, as the admin API reads and writes them. */
class FaultTest {

    @Test
    void aRateLimitMadeToApplyAlwaysKeepsItsLimitAndWindow() {
        Fault limit = Fault.on("*", "/api/v2/metrics/**").rateLimit(10, Duration.ofSeconds(1));
        Fault always = limit.always();

        assertThat(always.action()).isEqualTo(Fault.Action.RATE_LIMIT);
        assertThat(always.limitValue()).isEqualTo(10);
        assertThat(always.windowValue()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Fault.fromJson(always.toJson()).toJson()).isEqualTo(limit.toJson());
    }
}
