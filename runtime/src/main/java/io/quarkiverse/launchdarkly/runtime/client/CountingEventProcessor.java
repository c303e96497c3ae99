package io.quarkiverse.launchdarkly.runtime.client;

import java.io.IOException;

import com.launchdarkly.sdk.EvaluationReason;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.MigrationOpTracker;
import com.launchdarkly.sdk.server.subsystems.ClientContext;
import com.launchdarkly.sdk.server.subsystems.ComponentConfigurer;
import com.launchdarkly.sdk.server.subsystems.EventProcessor;

import io.quarkiverse.launchdarkly.runtime.events.QueueGate;

/**
 * Wraps the SDK's own event processor (built from the SDK's {@code EventProcessorBuilder}, so payloads and batching stay
 * exactly the SDK's) and counts what passes through it into {@link EventCounters}. Events that take a slot of the SDK's
 * buffer pass the {@link QueueGate} first, which counts those refused for capacity.
 */
final class CountingEventProcessor implements EventProcessor {

    private final EventProcessor delegate;
    private final EventCounters counters;
    private final QueueGate gate;

    private CountingEventProcessor(EventProcessor delegate, EventCounters counters, QueueGate gate) {
        this.delegate = delegate;
        this.counters = counters;
        this.gate = gate;
    }

    /** A configurer the SDK calls to build its event processor, wrapping the one {@code sdkProcessor} builds. */
    static ComponentConfigurer<EventProcessor> around(ComponentConfigurer<EventProcessor> sdkProcessor,
            EventCounters counters, QueueGate gate) {
        return (ClientContext context) -> new CountingEventProcessor(sdkProcessor.build(context), counters, gate);
    }

    @Override
    public void recordEvaluationEvent(LDContext context, String flagKey, int flagVersion, int variation, LDValue value,
            EvaluationReason reason, LDValue defaultValue, String prerequisiteOfFlagKey, boolean requireFullEvent,
            Long debugEventsUntilDate, boolean excludeFromSummaries, Long samplingRatio) {
        counters.evaluation();
        boolean debug = debugEventsUntilDate != null && debugEventsUntilDate > System.currentTimeMillis();
        // A sampled-out event never shows up in a payload, so only the events always sent in full pass the gate.
        boolean unsampled = samplingRatio == null || samplingRatio == 1;
        if ((requireFullEvent || debug) && unsampled && !gate.admit()) {
            // The full event is dropped and counted; the evaluation still counts in the summary.
            requireFullEvent = false;
            debugEventsUntilDate = null;
        }
        delegate.recordEvaluationEvent(context, flagKey, flagVersion, variation, value, reason, defaultValue,
                prerequisiteOfFlagKey, requireFullEvent, debugEventsUntilDate, excludeFromSummaries, samplingRatio);
    }

    @Override
    public void recordIdentifyEvent(LDContext context) {
        counters.identifyEvent();
        if (!gate.admit()) {
            return;
        }
        delegate.recordIdentifyEvent(context);
    }

    @Override
    public void recordCustomEvent(LDContext context, String eventKey, LDValue data, Double metricValue) {
        counters.customEvent();
        if (!gate.admit()) {
            return;
        }
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
