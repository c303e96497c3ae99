package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A thousand new metrics under a rate limit of 100 requests a second, four at a time (the default concurrency): all are
 * created, and the client holds every request until the window's reset once an answer says nothing is left of it, so a
 * window refuses at most the requests already under way when it filled up instead of a storm of retries.
 */
class MetricRegistrationThousandMetricsTest {

    static final int METRICS = 1_000;
    static final int PER_WINDOW = 100;
    static final int CONCURRENCY = 4;

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
    void aThousandMetricsAreCreatedWithAFewRefusalsPerWindow() {
        local.reset(); // forget the metrics the startup run created: all 1,000 are created again
        local.faults().inject(Fault.on("*", "/api/v2/metrics/**").rateLimit(PER_WINDOW, Duration.ofSeconds(1)));

        RegistrationReport report = registration.reconcile();

        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.withStatus(MetricOutcome.Status.CREATED)).hasSize(METRICS);
        assertThat(local.metricsApi().metrics("default")).hasSize(METRICS);
        assertThat(local.metricsApi().callCounts()).as("requests answered since the reset")
                .isEqualTo(java.util.Map.of("GET", 1L, "POST", (long) METRICS));
        // 1,001 requests got through (a list read and the creates) in 11 windows or so. The answer that fills a window
        // says 0 remaining, and no request starts before its reset; only the others already on their way (at most
        // CONCURRENCY - 1) are refused. Retries without that hold would be refused dozens of times per window.
        long refused = local.faults().pending().get(0).rejectedValue();
        assertThat(refused).as("requests refused by the rate limit").isLessThanOrEqualTo(12L * (CONCURRENCY - 1));
        local.faults().clear();
    }
}
