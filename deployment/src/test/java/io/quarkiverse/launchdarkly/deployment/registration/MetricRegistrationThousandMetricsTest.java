package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.Fault;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A thousand new metrics under a rate limit of 100 requests a second: all are created, and the client waits for each
 * window's reset after a refusal, so the refusals stay at about one per window instead of a storm of retries.
 */
class MetricRegistrationThousandMetricsTest {

    static final int METRICS = 1_000;
    static final int PER_WINDOW = 100;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(RegistrationTestSupport.class).addAsResource(
                    new StringAsset(RegistrationTestSupport.numberedMetrics("bulk.%04d", "Bulk %d", METRICS)),
                    "application.properties"));

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly local;

    @Test
    void aThousandMetricsAreCreatedWithAboutOneRefusalPerWindow() {
        local.reset(); // forget the metrics the startup run created: all 1,000 are created again
        local.faults().inject(Fault.on("*", "/api/v2/metrics/**").rateLimit(PER_WINDOW, Duration.ofSeconds(1)));

        RegistrationReport report = registration.reconcile();

        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.withStatus(MetricOutcome.Status.CREATED)).hasSize(METRICS);
        assertThat(local.metricsApi().metrics("default")).hasSize(METRICS);
        assertThat(local.metricsApi().callCounts()).as("requests answered since the reset")
                .isEqualTo(java.util.Map.of("GET", 1L, "POST", (long) METRICS));
        // 1,001 requests got through (a list read and the creates) in 11 windows or so; each window refuses only the
        // request that found it full, after which the client sleeps until the reset the 429 announced.
        long refused = local.faults().pending().get(0).rejectedValue();
        assertThat(refused).as("requests refused by the rate limit").isBetween(9L, 12L);
        local.faults().clear();
    }
}
