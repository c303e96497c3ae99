package io.quarkiverse.launchdarkly.runtime.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;

/**
 * Counts what the application hands to the SDK's event processor. The SDK keeps no count a caller can read, and the
 * shutdown log, the Dev UI and tests want to know how much was recorded, and roughly how much was recorded too recently
 * to have been delivered by the periodic flush.
 */
public final class EventCounters {

    private final LongAdder customEvents = new LongAdder();
    private final LongAdder identifyEvents = new LongAdder();
    private final LongAdder evaluations = new LongAdder();
    private final LongAdder flushRequests = new LongAdder();
    private final long windowNanos;
    /** Events recorded since the start of the current flush window, and the window they belong to. */
    private final AtomicLong window = new AtomicLong(Long.MIN_VALUE);
    private final LongAdder inWindow = new LongAdder();
    private final AtomicLong inPreviousWindow = new AtomicLong();

    private final DeliveryCounters losses;

    public EventCounters(Duration flushInterval) {
        this(flushInterval, new DeliveryCounters());
    }

    /**
     * @param losses where an event the hand-off drops is counted, with the other losses (health, meters, Dev UI)
     */
    public EventCounters(Duration flushInterval, DeliveryCounters losses) {
        this.windowNanos = Math.max(1, flushInterval.toNanos());
        this.losses = losses;
    }

    void customEvent() {
        customEvents.increment();
        recent();
    }

    void identifyEvent() {
        identifyEvents.increment();
        recent();
    }

    void evaluation() {
        evaluations.increment();
    }

    void flushRequest() {
        flushRequests.increment();
    }

    private void recent() {
        long current = System.nanoTime() / windowNanos;
        long seen = window.get();
        if (seen != current && window.compareAndSet(seen, current)) {
            // An estimate: an event counted by another thread during the roll-over may land in either window.
            long previous = inWindow.sumThenReset();
            inPreviousWindow.set(seen == current - 1 ? previous : 0);
        }
        inWindow.increment();
    }

    /** On the caller's thread, for every event dropped while the hand-off is full: one increment, nothing else. */
    void handOffDropped() {
        losses.lostAtHandOff();
    }

    /**
     * Events dropped before they reached the SDK: more were recorded than the hand-off to the SDK could hold
     * ({@code quarkus.launchdarkly.events.capacity}).
     */
    public long handOffDroppedCount() {
        return losses.lostAtHandOffCount();
    }

    /** Custom events recorded ({@code track*} calls that reached the event processor). */
    public long customEvents() {
        return customEvents.sum();
    }

    public long identifyEvents() {
        return identifyEvents.sum();
    }

    /** Flag evaluations that reached the event processor (they travel summarised, not one by one). */
    public long evaluations() {
        return evaluations.sum();
    }

    public long flushRequests() {
        return flushRequests.sum();
    }

    /**
     * An estimate of the custom and identify events recorded within the last two flush intervals: those the periodic
     * flush may not have delivered yet.
     */
    public long recentlyRecorded() {
        long current = System.nanoTime() / windowNanos;
        long seen = window.get();
        if (seen == current) {
            return inWindow.sum() + inPreviousWindow.get();
        }
        return seen == current - 1 ? inWindow.sum() : 0;
    }
}
