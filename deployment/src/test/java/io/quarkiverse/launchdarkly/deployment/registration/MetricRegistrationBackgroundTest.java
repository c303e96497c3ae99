package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * By default the registration runs in the background: with the API slowed down before it starts, the application is
 * up while the registration is still running, and it finishes afterwards.
 */
class MetricRegistrationBackgroundTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(RegistrationTestSupport.class, SlowApi.class)
                    .addAsResource(new StringAsset(RegistrationTestSupport.THREE_METRICS), "application.properties"));

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly local;

    @Test
    void startupDoesNotWaitForTheRegistration() throws InterruptedException {
        assertThat(registration.report().state()).as("still registering when the application is up")
                .isEqualTo(RegistrationReport.State.RUNNING);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (registration.report().state() == RegistrationReport.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(registration.report().state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(registration.report().withStatus(MetricOutcome.Status.CREATED)).hasSize(3);
    }

    /** Slows the first metrics API request down before the registration's startup observer runs. */
    @ApplicationScoped
    public static class SlowApi {

        void slowDown(@Observes @Priority(1) StartupEvent event, LocalLaunchDarkly local) {
            local.faults().inject(Fault.on("GET", "/api/v2/metrics/**").delay(Duration.ofSeconds(3)).times(1));
        }
    }
}
