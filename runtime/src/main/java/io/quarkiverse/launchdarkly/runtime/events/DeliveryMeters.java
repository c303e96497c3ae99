package io.quarkiverse.launchdarkly.runtime.events;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The {@link DeliveryCounters} as Micrometer meters ({@code launchdarkly.events.*}). The deployment module registers
 * this bean only when {@code quarkus-micrometer} is present, and nothing else refers to this class, so no Micrometer
 * class is loaded without it.
 */
@Singleton
public class DeliveryMeters implements MeterBinder {

    private final DeliveryCounters counters;

    DeliveryMeters(DeliveryCounters counters) {
        this.counters = counters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("launchdarkly.events.sent", counters, DeliveryCounters::eventsSent)
                .description("Events the SDK handed over for delivery to LaunchDarkly").baseUnit("events")
                .register(registry);
        FunctionCounter.builder("launchdarkly.events.delivered", counters, DeliveryCounters::eventsDelivered)
                .description("Events LaunchDarkly took").baseUnit("events").register(registry);
        for (LossCause cause : LossCause.values()) {
            FunctionCounter.builder("launchdarkly.events.dropped", counters, c -> c.lostEvents(cause))
                    .description("Events that will never reach LaunchDarkly, by cause").baseUnit("events")
                    .tag("cause", cause.tag()).register(registry);
        }
        Gauge.builder("launchdarkly.events.spooled", counters, DeliveryCounters::spooledEvents)
                .description("Events waiting in memory for LaunchDarkly to take them").baseUnit("events")
                .register(registry);
        Gauge.builder("launchdarkly.events.spooled.bytes", counters, DeliveryCounters::spooledBytes)
                .description("Bytes of the payloads waiting in memory, bounded by quarkus.launchdarkly.events.spool-size")
                .baseUnit("bytes").register(registry);
        FunctionCounter.builder("launchdarkly.events.delivery.attempts", counters,
                c -> c.attempts() - c.failedAttempts())
                .description("HTTP attempts to deliver a payload").tag("outcome", "success").register(registry);
        FunctionCounter.builder("launchdarkly.events.delivery.attempts", counters, DeliveryCounters::failedAttempts)
                .description("HTTP attempts to deliver a payload").tag("outcome", "failure").register(registry);
        Gauge.builder("launchdarkly.events.delivery.stopped", counters, c -> c.stopped() ? 1 : 0)
                .description("1 once delivery stopped because LaunchDarkly refused the SDK key").register(registry);
    }
}
