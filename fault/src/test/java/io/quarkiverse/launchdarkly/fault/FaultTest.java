package io.quarkiverse.launchdarkly.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What a test can build as a {@link Fault}, the message it gets for what it cannot, and the JSON fields the stand-in's
 * admin API reads.
 */
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
        assertThatThrownBy(() -> Fault.on("*", METRICS).status(503).withRejected(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Only a rate limit counts the requests it refused");
        assertThat(Fault.on("*", METRICS).rateLimit(10, Duration.ofSeconds(1)).withRejected(2))
                .hasToString("* /api/v2/metrics/** -> rate limit 10 per PT1S (2 refused), always");
    }

    @Test
    void aRateLimitMadeToApplyAlwaysKeepsItsLimitAndWindow() {
        Fault limit = Fault.on("*", METRICS).rateLimit(10, Duration.ofSeconds(1));
        Fault always = limit.always();

        assertThat(always).isEqualTo(limit);
        assertThat(always.limitValue()).isEqualTo(10);
        assertThat(always.windowValue()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Fault.fromJson(always.toJson())).isEqualTo(limit); // how it travels to the stand-in
        assertThat(always.action()).isEqualTo(Fault.Action.RATE_LIMIT);
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

    @Test
    void everyFaultReadsBackFromItsJsonFields() {
        Fault[] faults = {
                Fault.on("post", "/bulk").status(503).retryAfter(Duration.ofMillis(1500)).times(3),
                Fault.on("GET", "/all").delay(Duration.ofSeconds(2)),
                Fault.on("*", "/bulk").dropConnection().always(),
                Fault.on("*", METRICS).rateLimit(10, Duration.ofSeconds(1)) };
        for (Fault fault : faults) {
            assertThat(Fault.fromJson(fault.toJson())).isEqualTo(fault).hasToString(fault.toString());
        }
        assertThat(faults[0].toJson()).containsExactly(Map.entry("method", "POST"), Map.entry("path", "/bulk"),
                Map.entry("action", "status"), Map.entry("status", 503), Map.entry("retryAfterMillis", 1500L),
                Map.entry("times", 3));
        assertThat(faults[2].toJson()).containsEntry("times", -1);
    }

    @Test
    void theJsonFieldsOfAFaultTakeDefaultsAndAnyWholeNumber() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", "/bulk");
        assertThat(Fault.fromJson(json)).isEqualTo(Fault.on("*", "/bulk").status(503));

        json.put("action", "rate-limit");
        json.put("limit", 5L); // as a JSON parser may give it
        json.put("windowMillis", 1000);
        json.put("rejected", 7.0);
        Fault limit = Fault.fromJson(json);
        assertThat(limit.limitValue()).isEqualTo(5);
        assertThat(limit.rejectedValue()).isEqualTo(7);
    }

    @Test
    void wrongJsonFieldsAreNamed() {
        assertThatThrownBy(() -> Fault.fromJson(Map.of("method", "GET")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A fault needs 'path'");
        assertThatThrownBy(() -> Fault.fromJson(Map.of("path", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'path' of a fault must be a string");
        assertThatThrownBy(() -> Fault.fromJson(Map.of("path", "/bulk", "status", "503")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'status' of a fault must be a whole number");
        assertThatThrownBy(() -> Fault.fromJson(Map.of("path", "/bulk", "times", 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'times' of a fault must be a whole number");
        assertThatThrownBy(() -> Fault.fromJson(Map.of("path", "/bulk", "action", "explode")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown fault action 'explode'; expected status, delay, drop-connection or rate-limit");
        assertThatThrownBy(() -> Fault.fromJson(Map.of("path", "/bulk", "times", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A fault applies at least once, got 0");
    }
}
