package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedApiCall;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The reconciliation handles {@code quarkus.launchdarkly.registration.concurrency} metrics at a time (4 by default),
 * reports them in key order whatever order they finished in, and once LaunchDarkly refuses one request (429) the others
 * wait for the same reset instead of going on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricRegistrationConcurrencyTest {

    static final int METRICS = 40;
    static final int CONCURRENCY = 4;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(RegistrationTestSupport.class).addAsResource(
                    new StringAsset(RegistrationTestSupport.numberedMetrics("parallel.%02d", "Parallel %d", METRICS)
                            + "quarkus.launchdarkly.registration.timeout=10s\n"),
                    "application.properties"));

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly local;

    @AfterEach
    void disarm() {
        local.faults().clear();
    }

    @Test
    @Order(1)
    void createsFourMetricsAtATimeAndReportsThemInKeyOrder() {
        local.reset(); // the metrics the startup run created are gone: all 40 are created again
        // Each create takes 200 ms at the stand-in, so the workers overlap however fast the machine is.
        local.faults().inject(Fault.on("POST", "/api/v2/metrics/**").delay(Duration.ofMillis(200)).always());

        RegistrationReport report = registration.reconcile();

        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.outcomes()).extracting(MetricOutcome::metricKey).isSorted().hasSize(METRICS);
        assertThat(report.withStatus(MetricOutcome.Status.CREATED)).hasSize(METRICS);
        assertThat(local.metricsApi().peakConcurrentRequests()).as("requests under way at once")
                .isEqualTo(CONCURRENCY);
    }

    @Test
    @Order(2)
    void aRateLimitedRequestHoldsBackTheOthersUntilTheReset() {
        local.reset();
        // The first create is refused for a second. The others take 50 ms each, so the requests under way when the
        // refusal arrives are still under way when the client has read it.
        local.faults().inject(Fault.on("POST", "/api/v2/metrics/**").status(429).retryAfter(Duration.ofSeconds(1))
                .times(1));
        local.faults().inject(Fault.on("POST", "/api/v2/metrics/**").delay(Duration.ofMillis(50)).always());

        RegistrationReport report = registration.reconcile();

        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.withStatus(MetricOutcome.Status.CREATED)).hasSize(METRICS);
        // The stand-in records the creates it answered, so the refusal is not among them.
        List<String> createdInOrder = local.metricsApi().calls().stream().filter(call -> call.method().equals("POST"))
                .map(RecordedApiCall::requestJson).map(body -> body.get("key").stringValue()).toList();
        assertThat(createdInOrder).hasSize(METRICS);
        // Without the shared wait, the three other workers go on creating during the second the refused metric (one of
        // the first four) waits: it is created last. With it, the refused metric's retry goes out with the next round
        // after the reset, and every metric is created within two rounds of its turn.
        for (int i = 0; i < METRICS; i++) {
            String key = "parallel.%02d".formatted(i + 1);
            assertThat(Math.abs(createdInOrder.indexOf(key) - i)).as("how far the create of %s is from its turn in %s",
                    key, createdInOrder).isLessThanOrEqualTo(2 * CONCURRENCY);
        }
    }

    @Test
    @Order(3) // last: the client keeps holding its requests back for the 20 s, in the next runs too
    void aResetBeyondTheTimeoutStopsTheRequestsNotSentYet() {
        local.reset();
        // LaunchDarkly asks for 20 s, beyond the 10 s the run may take: the refused metric gives up, and the metrics
        // not started yet are not sent only to be refused in turn.
        local.faults().inject(Fault.on("POST", "/api/v2/metrics/**").status(429).retryAfter(Duration.ofSeconds(20))
                .times(1));
        local.faults().inject(Fault.on("POST", "/api/v2/metrics/**").delay(Duration.ofMillis(50)).always());

        RegistrationReport report = registration.reconcile();

        assertThat(report.state()).isEqualTo(RegistrationReport.State.FAILED);
        assertThat(report.withStatus(MetricOutcome.Status.FAILED)).filteredOn(o -> o.reason().contains("answered 429"))
                .singleElement().satisfies(o -> assertThat(o.reason()).contains("would start after the deadline"));
        // The three creates under way when the refusal came are answered; the 36 others never leave.
        assertThat(report.withStatus(MetricOutcome.Status.CREATED)).hasSizeLessThanOrEqualTo(CONCURRENCY - 1);
        assertThat(report.withStatus(MetricOutcome.Status.FAILED)).filteredOn(o -> !o.reason().contains("answered 429"))
                .hasSizeGreaterThanOrEqualTo(METRICS - CONCURRENCY)
                .allSatisfy(o -> assertThat(o.reason()).contains("not sent: LaunchDarkly rate-limited this access token"
                        + " for another").contains("beyond the deadline"));
        assertThat(local.metricsApi().calls()).filteredOn(call -> call.method().equals("POST"))
                .hasSizeLessThanOrEqualTo(CONCURRENCY - 1);
    }
}
