package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedApiCall;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Under LaunchDarkly's rate limit (here 10 requests a second), the registration of 25 metrics paces itself by the
 * answers' rate-limit headers: the answer that uses up a window says {@code X-Ratelimit-Route-Remaining: 0}, and the
 * client holds the next request until {@code X-Ratelimit-Reset}, so every metric is created without a single 429. One
 * metric at a time here, so that nothing is already on its way when a window fills up;
 * {@link MetricRegistrationThousandMetricsTest} runs with the default concurrency.
 */
class MetricRegistrationRateLimitTest {

    static final int METRICS = 25;
    static final int PER_WINDOW = 10;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(RegistrationTestSupport.class).addAsResource(
                    new StringAsset(RegistrationTestSupport.numberedMetrics("limited.%02d", "Limited %d", METRICS)
                            + "quarkus.launchdarkly.registration.concurrency=1\n"),
                    "application.properties"));

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly local;

    @Test
    void everyMetricIsCreatedWithoutARefusal() {
        local.reset(); // forget the metrics the startup run created: all 25 are created again
        local.faults().inject(Fault.on("*", "/api/v2/metrics/**").rateLimit(PER_WINDOW, Duration.ofSeconds(1)));

        RegistrationReport report = registration.reconcile();

        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.withStatus(MetricOutcome.Status.CREATED)).hasSize(METRICS);
        List<RecordedApiCall> handled = local.metricsApi().calls();
        assertThat(handled).filteredOn(call -> call.method().equals("POST")).hasSize(METRICS);
        // One list read and 25 creates make 26 requests in three windows; the client waited for each reset before it
        // sent the request that would have found the window full.
        long refused = local.faults().pending().get(0).rejectedValue();
        assertThat(refused).as("requests refused by the rate limit").isZero();
        local.faults().clear();
    }
}
