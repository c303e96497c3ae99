package io.quarkiverse.launchdarkly.runtime.client;

import java.io.IOException;

import com.launchdarkly.sdk.EvaluationReason;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.MigrationOpTracker;
import com.launchdarkly.sdk.server.subsystems.ClientContext;
import com.launchdarkly.sdk.server.subsystems.ComponentConfigurer;
import com.launchdarkly.sdk.server.subsystems.EventProcessor;

/**
 * Wraps the SDK's own event processor (built from the SDK's {@code EventProcessorBuilder}, so payloads, batching and
 * delivery stay exactly the SDK's) and counts what passes through it into {@link EventCounters}.
 */
final class CountingEventProcessor implements EventProcessor {

    private final EventProcessor delegate;
    private final EventCounters counters;

    private CountingEventProcessor(EventProcessor delegate, EventCounters counters) {
        this.delegate = delegate;
        this.counters = counters;
    }

    /** A configurer the SDK calls to build its event processor, wrapping the one {@code sdkProcessor} builds. */
    static ComponentConfigurer<EventProcessor> around(ComponentConfigurer<EventProcessor> sdkProcessor,
            EventCounters counters) {
        return (ClientContext context) -> new CountingEventProcessor(sdkProcessor.build(context), counters);
    }

    @Override
    public void recordEvaluationEvent(LDContext context, String flagKey, int flagVersion, int variation, LDValue value,
            EvaluationReason reason, LDValue defaultValue, String prerequisiteOfFlagKey, boolean requireFullEvent,
            Long debugEventsUntilDate, boolean excludeFromSummaries, Long samplingRatio) {
        counters.evaluation();
        delegate.recordEvaluationEvent(context, flagKey, flagVersion, variation, value, reason, defaultValue,
                prerequisiteOfFlagKey, requireFullEvent, debugEventsUntilDate, excludeFromSummaries, samplingRatio);
    }

    @Override
    public void recordIdentifyEvent(LDContext context) {
        counters.identifyEvent();
        delegate.recordIdentifyEvent(context);
    }

    @Override
    public void recordCustomEvent(LDContext context, String eventKey, LDValue data, Double metricValue) {
        counters.customEvent();
        delegate.recordCustomEvent(context, eventKey, data, metricValue);
    }

    @Override
    public void recordMigrationEvent(MigrationOpTracker tracker) {
        delegate.recordMigrationEvent(tracker);
    }

    @Override
    public void flush() {
        counters.flushRequest();
        delegate.flush();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
