package io.quarkiverse.launchdarkly.runtime.registration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.smallrye.health.api.Wellness;

/**
 * The outcome of the metric registration as a wellness check ({@code /q/health/well}): down while the last run failed
 * (it is retried in the background), up otherwise, including while it runs. Not readiness by default: flags and events
 * work whatever LaunchDarkly's REST API does ({@link MetricRegistrationReadinessCheck} for those who want it). Registered
 * by the deployment module only when {@code quarkus-smallrye-health} is present.
 */
@Wellness
@ApplicationScoped
public class MetricRegistrationWellnessCheck implements HealthCheck {

    static final String NAME = "LaunchDarkly metric registration";

    private final MetricRegistration registration;

    MetricRegistrationWellnessCheck(MetricRegistration registration) {
        this.registration = registration;
    }

    @Override
    public HealthCheckResponse call() {
        return response(registration.report());
    }

    static HealthCheckResponse response(RegistrationReport report) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
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
