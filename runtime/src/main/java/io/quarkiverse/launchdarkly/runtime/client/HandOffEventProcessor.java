package io.quarkiverse.launchdarkly.runtime.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.jctools.queues.MpscArrayQueue;

import com.launchdarkly.sdk.EvaluationReason;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.MigrationOpTracker;
import com.launchdarkly.sdk.server.subsystems.ClientContext;
import com.launchdarkly.sdk.server.subsystems.ComponentConfigurer;
import com.launchdarkly.sdk.server.subsystems.EventProcessor;

import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;

/**
 * Takes events off the caller's thread: the caller puts each event into a bounded lock-free queue (one CAS, no lock, no
 * thread wake-up while the hand-off thread is busy), and one thread hands them to the SDK's event processor in batches,
 * in the order they were recorded, evaluations and custom events alike. Handing an event to the SDK's processor wakes
 * the SDK's own event thread each time; a tracked call no longer waits for that.
 * <p>
 * The SDK stamps an event's creation time when it receives it, so an event's time is that of its hand-off: after a
 * quiet period the first event wakes the hand-off thread, which then lingers {@link #LINGER_NANOS} to gather the
 * events that follow; under load it drains continuously. Either way the delay is normally a few milliseconds.
 * <p>
 * {@link #flush()} and {@link #close()} hand over everything recorded before them first. An event that does not fit
 * (the queue holds as many events as the SDK's own queue) is dropped and counted as a queue-full loss of the delivery
 * (health, meters, Dev UI). The caller's side of a drop is that one increment; the warning is the hand-off thread's.
 */
final class HandOffEventProcessor implements EventProcessor {

    private static final Logger LOG = Logger.getLogger(HandOffEventProcessor.class);
    /** How long the hand-off thread waits after a wake-up, so that one wake-up serves a batch. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How long an idle hand-off thread sleeps before it looks again by itself. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EventProcessor delegate;
    private final EventCounters counters;
    private final TrackingFailures failures;
    private final MpscArrayQueue<Object> queue;
    private final Thread thread;
    private final Supplier<String> droppedMessage = this::droppedMessage;
    /** The drops the hand-off thread has seen; read and written by it alone. */
    private long dropsReported;
    /** Set by the hand-off thread before it sleeps for long; the first producer to see it wakes it. */
    private volatile boolean idle;
    private volatile boolean closed;

    HandOffEventProcessor(EventProcessor delegate, EventCounters counters, int capacity, TrackingFailures failures) {
        this.delegate = delegate;
        this.counters = counters;
        this.failures = failures;
        this.queue = new MpscArrayQueue<>(Math.max(2, capacity));
        this.thread = new Thread(this::run, "launchdarkly-event-hand-off");
        thread.setDaemon(true);
        thread.start();
    }

    /** A configurer the SDK calls to build its event processor, handing off to the one {@code sdkProcessor} builds. */
    static ComponentConfigurer<EventProcessor> around(ComponentConfigurer<EventProcessor> sdkProcessor,
            EventCounters counters, int capacity, TrackingFailures failures) {
        return (ClientContext context) -> new HandOffEventProcessor(sdkProcessor.build(context), counters, capacity,
                failures);
    }

    // ---- the caller's side ----------------------------------------------------------------------------------------

    @Override
    public void recordEvaluationEvent(LDContext context, String flagKey, int flagVersion, int variation, LDValue value,
            EvaluationReason reason, LDValue defaultValue, String prerequisiteOfFlagKey, boolean requireFullEvent,
            Long debugEventsUntilDate, boolean excludeFromSummaries, Long samplingRatio) {
        put(new Evaluation(context, flagKey, flagVersion, variation, value, reason, defaultValue, prerequisiteOfFlagKey,
                requireFullEvent, debugEventsUntilDate, excludeFromSummaries, samplingRatio));
    }

    @Override
    public void recordIdentifyEvent(LDContext context) {
        put(new Identify(context));
    }

    @Override
    public void recordCustomEvent(LDContext context, String eventKey, LDValue data, Double metricValue) {
        put(new Custom(context, eventKey, data, metricValue));
    }

    @Override
    public void recordMigrationEvent(MigrationOpTracker tracker) {
        put(new Migration(tracker));
    }

    /** Hands over everything recorded so far, then asks the SDK to flush; returns without waiting, as the SDK does. */
    @Override
    public void flush() {
        if (!put(Flush.INSTANCE)) {
            delegate.flush(); // full: the events ahead of it go with the SDK's next flush
        }
        wake();
    }

    /** Hands over everything recorded so far, stops the hand-off thread, then closes the SDK's processor. */
    @Override
    public void close() throws IOException {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain(); // whatever a caller recorded while the thread was stopping
        delegate.close();
    }

    private boolean put(Object event) {
        if (closed) {
            // After close the SDK's processor drops events too; hand it over directly, in the closing thread's order.
            deliver(event);
            return true;
        }
        if (!queue.offer(event)) {
            if (event != Flush.INSTANCE) {
                dropped();
            }
            return false;
        }
        if (idle) {
            wake();
        }
        return true;
    }

    private void wake() {
        idle = false;
        LockSupport.unpark(thread);
    }

    private void dropped() {
        // No clock read and no log decision here: at the rate a full queue refuses events, each would be paid per call.
        counters.handOffDropped();
    }

    // ---- the hand-off thread --------------------------------------------------------------------------------------

    private void run() {
        while (!closed) {
            warnOfNewDrops();
            if (drain() > 0) {
                LockSupport.parkNanos(this, LINGER_NANOS);
                continue;
            }
            idle = true;
            if (queue.isEmpty() && !closed) { // checked after announcing idleness: a producer either sees it or we see its event
                LockSupport.parkNanos(this, IDLE_NANOS);
                if (!idle) {
                    LockSupport.parkNanos(this, LINGER_NANOS); // woken by a producer: let the batch gather
                }
            }
            idle = false;
        }
        drain();
        warnOfNewDrops();
    }

    /** Logs, at most once a minute, that events were dropped since the last look; the idle thread looks every second. */
    private void warnOfNewDrops() {
        long drops = counters.handOffDroppedCount();
        if (drops != dropsReported) {
            dropsReported = drops;
            failures.rateLimitedWarning("event hand-off full", droppedMessage);
        }
    }

    private String droppedMessage() {
        return "LaunchDarkly events are being dropped: more were recorded than the SDK takes in (" + dropsReported
                + " dropped so far; quarkus.launchdarkly.events.capacity sets how many may wait)";
    }

    private int drain() {
        return queue.drain(this::deliver);
    }

    private void deliver(Object event) {
        try {
            if (event instanceof Custom custom) {
                delegate.recordCustomEvent(custom.context, custom.key, custom.data, custom.metricValue);
            } else if (event instanceof Evaluation e) {
                delegate.recordEvaluationEvent(e.context, e.flagKey, e.flagVersion, e.variation, e.value, e.reason,
                        e.defaultValue, e.prerequisiteOfFlagKey, e.requireFullEvent, e.debugEventsUntilDate,
                        e.excludeFromSummaries, e.samplingRatio);
            } else if (event instanceof Identify identify) {
                delegate.recordIdentifyEvent(identify.context);
            } else if (event instanceof Migration migration) {
                delegate.recordMigrationEvent(migration.tracker);
            } else if (event == Flush.INSTANCE) {
                delegate.flush();
            }
        } catch (RuntimeException e) {
            // The SDK's processor does not throw; if it ever did, the hand-off thread must survive it.
            LOG.debugf(e, "The SDK's event processor threw");
        }
    }

    private record Custom(LDContext context, String key, LDValue data, Double metricValue) {
    }

    private record Evaluation(LDContext context, String flagKey, int flagVersion, int variation, LDValue value,
            EvaluationReason reason, LDValue defaultValue, String prerequisiteOfFlagKey, boolean requireFullEvent,
            Long debugEventsUntilDate, boolean excludeFromSummaries, Long samplingRatio) {
    }

    private record Identify(LDContext context) {
    }

    private record Migration(MigrationOpTracker tracker) {
    }

    private enum Flush {
        INSTANCE
    }
}
