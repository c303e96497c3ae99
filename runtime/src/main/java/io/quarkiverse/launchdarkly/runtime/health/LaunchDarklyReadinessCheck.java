package io.quarkiverse.launchdarkly.runtime.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.interfaces.DataSourceStatusProvider;

import io.quarkiverse.launchdarkly.runtime.client.ClientMode;
import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;

/**
 * Readiness from the SDK's data source: ready once flag data has arrived, and still ready while a connection is
 * interrupted (the SDK keeps serving the last data it had), not ready while initializing or after the data source gave
 * up for good (for example a refused SDK key).
 * <p>
 * Registered by the deployment module only when {@code quarkus-smallrye-health} is present.
 */
@Readiness
@ApplicationScoped
public class LaunchDarklyReadinessCheck implements HealthCheck {

    static final String NAME = "LaunchDarkly";

    private final LDClient client;
    private final ClientSettings settings;

    LaunchDarklyReadinessCheck(LDClient client, ClientSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("mode", settings.mode().name().toLowerCase());
        if (settings.mode() == ClientMode.OFFLINE) {
            return response.up().build();
        }
        DataSourceStatusProvider.Status status = client.getDataSourceStatusProvider().getStatus();
        response.withData("dataSource", status.getState().name());
        DataSourceStatusProvider.ErrorInfo error = status.getLastError();
        if (error != null) {
            response.withData("lastError", error.getKind().name()
                    + (error.getStatusCode() > 0 ? " " + error.getStatusCode() : ""));
        }
        return switch (status.getState()) {
            case VALID, INTERRUPTED -> response.up().build();
            default -> response.down().build();
        };
    }
}
