package io.quarkiverse.launchdarkly.runtime.registration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;

/**
 * Readiness from the metric registration: down when it failed (the metrics the code tracks may not exist in
 * LaunchDarkly), up otherwise, including while it runs in the background. Registered by the deployment module only when
 * {@code quarkus-smallrye-health} is present.
 */
@Readiness
@ApplicationScoped
public class MetricRegistrationReadinessCheck implements HealthCheck {

    private final MetricRegistration registration;

    MetricRegistrationReadinessCheck(MetricRegistration registration) {
        this.registration = registration;
    }

    @Override
    public HealthCheckResponse call() {
        RegistrationReport report = registration.report();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("LaunchDarkly metric registration")
                .withData("state", report.state().name().toLowerCase());
        for (MetricOutcome.Status status : MetricOutcome.Status.values()) {
            int count = report.withStatus(status).size();
            if (count > 0) {
                response.withData(status.name().toLowerCase(), count);
            }
        }
        if (report.problem() != null && report.state() == RegistrationReport.State.FAILED) {
            response.withData("problem", report.problem());
        }
        return report.state() == RegistrationReport.State.FAILED ? response.down().build() : response.up().build();
    }
}
