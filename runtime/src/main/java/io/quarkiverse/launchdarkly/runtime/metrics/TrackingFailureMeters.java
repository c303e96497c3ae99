package io.quarkiverse.launchdarkly.runtime.metrics;

import java.util.Locale;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkiverse.launchdarkly.TrackingFailureCounts;
import io.quarkiverse.launchdarkly.TrackingFailureCounts.Reason;

/**
 * The {@link TrackingFailureCounts} as the Micrometer counter {@code launchdarkly.tracking.failures}, one per reason
 * (tag {@code reason}: {@code no-context}, {@code invalid-value}, ...). Registered, like the delivery meters, only when
 * {@code quarkus-micrometer} is present.
 */
@Singleton
public class TrackingFailureMeters implements MeterBinder {

    private final TrackingFailureCounts counts;

    TrackingFailureMeters(TrackingFailureCounts counts) {
        this.counts = counts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Reason reason : Reason.values()) {
            FunctionCounter.builder("launchdarkly.tracking.failures", counts, c -> c.count(reason))
                    .description("LaunchDarkly events the tracking of a call did not send, by reason")
                    .baseUnit("events").tag("reason", tag(reason)).register(registry);
        }
    }

    /** {@code NO_CONTEXT} as {@code no-context}: the form of the delivery meters' {@code cause} tag. */
    static String tag(Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
