package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.launchdarkly.deployment.testing.LogRecordText;
import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.registration.LaunchDarklyApiException;
import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;
import io.quarkiverse.launchdarkly.registration.MetricPost;
import io.quarkiverse.launchdarkly.registration.MetricRep;
import io.quarkiverse.launchdarkly.registration.RateLimitedException;
import io.quarkiverse.launchdarkly.registration.ServerErrorException;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedApiCall;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Retries against the real stand-in with injected faults. Faulted requests are answered before the metrics API, so
 * they are not in {@code calls()}: the attempts are counted by what is left of a fault armed for more uses than
 * expected ({@code local.faults().pending()}), plus the final call in {@code calls()}.
 */
@Timeout(60)
class MetricsApiClientRetryTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(CapturedLogs.class, LogRecordText.class))
            .overrideRuntimeConfigKey("quarkus.launchdarkly.registration.max-retries", "3")
            .overrideRuntimeConfigKey("quarkus.log.category.\"io.quarkiverse.launchdarkly.runtime.registration.api\".level",
                    "DEBUG");

    static final String METRICS = "/api/v2/metrics/*";
    static final String METRIC = "/api/v2/metrics/*/*";
    static final Pattern RETRY_WAIT = Pattern.compile("; retry \\d+ of \\d+ in (\\d+) ms");

    @Inject
    LaunchDarklyMetricsClient client;

    @Inject
    LocalLaunchDarkly local;

    final CapturedLogs logs = new CapturedLogs();

    @BeforeEach
    void reset() {
        local.reset();
        logs.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    @Test
    void twoRateLimitsWithRetryAfterThenSuccess() {
        local.faults().inject(Fault.on("POST", METRICS).status(429).retryAfter(Duration.ofSeconds(1)).times(2));
        long start = System.nanoTime();

        MetricRep created = client.create(MetricPost.conversion("signup", "signup").build());

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(created.key()).isEqualTo("signup");
        assertThat(local.faults().pending()).isEmpty();
        assertThat(local.metricsApi().calls()).extracting(RecordedApiCall::method, RecordedApiCall::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", 201));
        // Retry-After: 1 was honoured twice: each retry was planned at 1 s or a little more (the policy's jitter), and
        // the call took at least both waits. No upper bound on the time taken: a loaded machine may take longer.
        assertThat(plannedRetryWaits()).hasSize(2).allSatisfy(wait -> assertThat(wait)
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertNoTokenLogged();
    }

    @Test
    void rateLimitsBeyondMaxRetriesAreThrownWithTheWaitAskedFor() {
        local.faults().inject(Fault.on("GET", METRIC).status(429).retryAfter(Duration.ofSeconds(1)).times(3));

        assertThatThrownBy(() -> client.withMaxRetries(1).get("signup"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                    assertThat(e).hasMessageContaining("gave up after 1 retry");
                });
        // One attempt and one retry used two of the three.
        assertThat(local.faults().pending()).singleElement().extracting(Fault::timesValue).isEqualTo(1);
        assertThat(local.metricsApi().calls()).isEmpty();
    }

    @Test
    void threeServerErrorsThenSuccess() {
        local.metricsApi().put("default",
                "{\"key\":\"signup\",\"kind\":\"custom\",\"eventKey\":\"signup\",\"isNumeric\":false}");
        local.faults().inject(Fault.on("GET", METRIC).status(500).times(3));

        assertThat(client.get("signup")).isPresent();

        assertThat(local.faults().pending()).isEmpty();
        assertThat(local.metricsApi().calls()).extracting(RecordedApiCall::status).containsExactly(200);
    }

    @Test
    void fourServerErrorsWithMaxRetries3AreAServerError() {
        local.faults().inject(Fault.on("GET", METRIC).status(500).times(5));

        assertThatThrownBy(() -> client.get("signup")).isInstanceOfSatisfying(ServerErrorException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.code()).isEqualTo("injected_fault");
            assertThat(e.requestId()).isNotBlank();
            assertThat(e).hasMessageContaining("gave up after 3 retries");
        });
        // 1 attempt + 3 retries = 4 of the 5 armed.
        assertThat(local.faults().pending()).singleElement().extracting(Fault::timesValue).isEqualTo(1);
        assertThat(local.metricsApi().calls()).isEmpty();
    }

    @Test
    void aDroppedConnectionThenSuccess() {
        local.faults().inject(Fault.on("POST", METRICS).dropConnection().times(1));

        MetricRep created = client.create(MetricPost.conversion("signup", "signup").build());

        assertThat(created.key()).isEqualTo("signup");
        assertThat(local.faults().pending()).isEmpty();
        assertThat(local.metricsApi().calls()).extracting(RecordedApiCall::status).containsExactly(201);
    }

    @Test
    void droppedConnectionsBeyondMaxRetriesAreAnIoFailureWithStatus0() {
        local.faults().inject(Fault.on("GET", METRIC).dropConnection().times(5));

        assertThatThrownBy(() -> client.get("signup")).isExactlyInstanceOf(LaunchDarklyApiException.class)
                .satisfies(e -> {
                    LaunchDarklyApiException failure = (LaunchDarklyApiException) e;
                    assertThat(failure.status()).isZero();
                    assertThat(failure.isIoFailure()).isTrue();
                    assertThat(failure.getCause()).isNotNull();
                    assertThat(failure).hasMessageContaining("got no answer").hasMessageContaining("gave up after 3");
                });
        assertThat(local.faults().pending()).singleElement().extracting(Fault::timesValue).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 403, 404, 409 })
    void clientErrorsAreNeverRetried(int status) {
        local.faults().inject(Fault.on("POST", METRICS).status(status).times(2));

        assertThatThrownBy(() -> client.create(MetricPost.conversion("signup", "signup").build()))
                .isInstanceOfSatisfying(LaunchDarklyApiException.class, e -> assertThat(e.status()).isEqualTo(status));
        assertThat(local.faults().pending()).singleElement().extracting(Fault::timesValue).isEqualTo(1);
    }

    @Test
    void noRetryStartsAfterTheDeadline() {
        local.faults().inject(Fault.on("POST", METRICS).status(429).retryAfter(Duration.ofSeconds(5)).times(3));

        assertThatThrownBy(() -> client.withDeadline(Instant.now().plusSeconds(1))
                .create(MetricPost.conversion("signup", "signup").build()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
                    assertThat(e).hasMessageContaining("deadline");
                });

        assertThat(plannedRetryWaits()).as("no retry was planned, so none was waited for").isEmpty();
        assertThat(local.faults().pending()).singleElement().extracting(Fault::timesValue).isEqualTo(2);
    }

    @Test
    void retriesWithinTheDeadlineStillHappen() {
        local.faults().inject(Fault.on("GET", METRIC).status(503).times(1));

        assertThat(client.withDeadline(Instant.now().plusSeconds(20)).get("signup")).isEmpty();

        assertThat(local.faults().pending()).isEmpty();
        assertThat(local.metricsApi().calls()).extracting(RecordedApiCall::status).containsExactly(404);
    }

    /** The waits the client logged before its retries ("retry 1 of 3 in 1043 ms"), in order. */
    private List<Duration> plannedRetryWaits() {
        List<Duration> waits = new ArrayList<>();
        for (String message : logs.messages()) {
            Matcher retry = RETRY_WAIT.matcher(message);
            if (retry.find()) {
                waits.add(Duration.ofMillis(Long.parseLong(retry.group(1))));
            }
        }
        return waits;
    }

    private void assertNoTokenLogged() {
        // The retries were logged (at DEBUG), without the token.
        assertThat(logs.messages()).anySatisfy(message -> assertThat(message).contains("retry 1 of 3"));
        assertThat(logs.messages()).allSatisfy(message -> assertThat(message).doesNotContain(local.writerApiToken()));
    }

}
