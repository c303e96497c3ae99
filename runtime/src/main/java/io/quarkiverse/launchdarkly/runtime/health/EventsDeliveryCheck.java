package io.quarkiverse.launchdarkly.runtime.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.launchdarkly.runtime.client.ClientMode;
import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;
import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.quarkiverse.launchdarkly.runtime.events.LossCause;

/**
 * Readiness of the event delivery: up while events are delivered or retried, down once delivery has stopped for good
 * (LaunchDarkly refused the SDK key), with the reason. The data carries what was sent, delivered, waiting and lost by
 * cause, so losses show where operators look even while the check is up.
 * <p>
 * Registered by the deployment module only when {@code quarkus-smallrye-health} is present.
 */
@Readiness
@ApplicationScoped
public class EventsDeliveryCheck implements HealthCheck {

    static final String NAME = "LaunchDarkly events delivery";

    private final DeliveryCounters counters;
    private final ClientSettings settings;

    EventsDeliveryCheck(DeliveryCounters counters, ClientSettings settings) {
        this.counters = counters;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("mode", settings.mode().name().toLowerCase());
        if (settings.mode() == ClientMode.OFFLINE) {
            return response.up().build();
        }
        response.withData("sent", counters.eventsSent())
                .withData("delivered", counters.eventsDelivered())
                .withData("waiting", counters.spooledEvents())
                .withData("spoolBytes", counters.spooledBytes())
                .withData("lost", counters.lostEvents());
        for (LossCause cause : LossCause.values()) {
            response.withData("lost." + cause.tag(), counters.lostEvents(cause));
        }
        String lastFailure = counters.lastFailure();
        if (lastFailure != null) {
            response.withData("lastFailure", lastFailure);
        }
        if (counters.stopped()) {
            return response.withData("stopped", counters.stoppedBecause()).down().build();
        }
        return response.up().build();
    }
}
