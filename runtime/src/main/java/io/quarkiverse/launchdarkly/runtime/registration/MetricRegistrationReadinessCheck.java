package io.quarkiverse.launchdarkly.runtime.registration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * The outcome of the metric registration as readiness, only with
 * {@code quarkus.launchdarkly.registration.gates-readiness=true}: down while the last run failed (the metrics the code
 * tracks may not exist in LaunchDarkly), up otherwise. Registered by the deployment module only when
 * {@code quarkus-smallrye-health} is present.
 */
@Readiness
@ApplicationScoped
@LookupIfProperty(name = "quarkus.launchdarkly.registration.gates-readiness", stringValue = "true")
public class MetricRegistrationReadinessCheck implements HealthCheck {

    private final MetricRegistration registration;

    MetricRegistrationReadinessCheck(MetricRegistration registration) {
        this.registration = registration;
    }

    @Override
    public HealthCheckResponse call() {
        return MetricRegistrationWellnessCheck.response(registration.report());
    }
}
