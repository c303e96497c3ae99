package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedApiCall;
import io.quarkus.test.QuarkusUnitTest;

/** Prune deletes the managed metrics that are no longer defined, and nothing else. */
class MetricRegistrationPruneTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(RegistrationTestSupport.class)
                    .addAsResource(new StringAsset(RegistrationTestSupport.THREE_METRICS
                            + "quarkus.launchdarkly.registration.enabled=false\n"
                            + "quarkus.launchdarkly.registration.prune=true\n"), "application.properties"));

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly local;

    @Test
    void deletesOnlyManagedMetricsThatAreNoLongerDefined() {
        local.reset();
        local.metricsApi().put("default", """
                {"key":"old.managed","kind":"custom","eventKey":"old","isNumeric":false,"tags":["managed-by-quarkus"]}""");
        local.metricsApi().put("default", """
                {"key":"made.by.hand","kind":"custom","eventKey":"hand","isNumeric":false,"tags":["team-a"]}""");

        RegistrationReport report = registration.reconcile();

        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.withStatus(MetricOutcome.Status.DELETED)).extracting(MetricOutcome::metricKey)
                .containsExactly("old.managed");
        assertThat(local.metricsApi().metric("default", "old.managed")).isEmpty();
        assertThat(local.metricsApi().metric("default", "made.by.hand")).isPresent();
        assertThat(local.metricsApi().calls()).filteredOn(c -> c.method().equals("DELETE"))
                .extracting(RecordedApiCall::path).containsExactly("/api/v2/metrics/default/old.managed");
    }
}
