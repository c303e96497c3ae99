package io.quarkiverse.launchdarkly.deployment.registration;

import static io.quarkiverse.launchdarkly.deployment.registration.RegistrationTestSupport.writes;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;

/** A dry run writes nothing; prune deletes only the managed metrics that are no longer defined. */
class MetricRegistrationModesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(RegistrationTestSupport.class)
                    .addAsResource(new StringAsset(RegistrationTestSupport.THREE_METRICS
                            + "quarkus.launchdarkly.registration.blocking=true\n"
                            + "quarkus.launchdarkly.registration.dry-run=true\n"
                            + "quarkus.launchdarkly.registration.prune=true\n"), "application.properties"));

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly local;

    @Test
    void aDryRunPlansAndWritesNothing() {
        RegistrationReport atStartup = registration.report();
        assertThat(atStartup.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(atStartup.outcomes()).extracting(MetricOutcome::status).containsOnly(MetricOutcome.Status.PLANNED);
        assertThat(atStartup.outcomes()).extracting(MetricOutcome::reason).containsOnly("would create");

        local.metricsApi().put("default", """
                {"key":"old.managed","kind":"custom","eventKey":"old","isNumeric":false,"tags":["managed-by-quarkus"]}""");
        RegistrationReport again = registration.reconcile();
        assertThat(again.outcomes()).filteredOn(o -> o.metricKey().equals("old.managed")).singleElement()
                .satisfies(o -> assertThat(o.reason()).isEqualTo("would delete"));
        assertThat(writes(local)).isEmpty();
        assertThat(local.metricsApi().metric("default", "old.managed")).isPresent();
    }
}
