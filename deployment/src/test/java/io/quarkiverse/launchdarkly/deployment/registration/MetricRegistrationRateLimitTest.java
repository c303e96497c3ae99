package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.Fault;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedApiCall;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Under LaunchDarkly's rate limit (here 10 requests a second, answered 429 with {@code X-Ratelimit-Reset} beyond), the
 * registration of 25 metrics waits for each window's end instead of hammering the API: every metric is created, and
 * each window refuses at most the one request that found it full.
 */
class MetricRegistrationRateLimitTest {

    static final int METRICS = 25;
    static final int PER_WINDOW = 10;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(RegistrationTestSupport.class).addAsResource(
                    new StringAsset(RegistrationTestSupport.numberedMetrics("limited.%02d", "Limited %d", METRICS)),
                    "application.properties"));

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly local;

    @Test
    void everyMetricIsCreatedAndEachFullWindowRefusesOneRequest() {
        local.reset(); // forget the metrics the startup run created: all 25 are created again
        local.faults().inject(Fault.on("*", "/api/v2/metrics/**").rateLimit(PER_WINDOW, Duration.ofSeconds(1)));

        RegistrationReport report = registration.reconcile();

        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.withStatus(MetricOutcome.Status.CREATED)).hasSize(METRICS);
        List<RecordedApiCall> handled = local.metricsApi().calls();
        assertThat(handled).filteredOn(call -> call.method().equals("POST")).hasSize(METRICS);
        // One list read and 25 creates make 26 requests that got through, in three windows: the client waited for the
        // reset after each refusal rather than retrying into the same full window.
        long refused = local.faults().pending().get(0).rejectedValue();
        assertThat(refused).as("requests refused by the rate limit").isBetween(2L, 3L);
        local.faults().clear();
    }
}
