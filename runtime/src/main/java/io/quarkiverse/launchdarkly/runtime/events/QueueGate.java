package io.quarkiverse.launchdarkly.runtime.events;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Enforces {@code quarkus.launchdarkly.events.capacity} before the SDK does, so that each event refused for capacity is
 * counted: the SDK drops them with one warning per flush and no count. It counts the custom, identify and full feature
 * events admitted and those seen in payloads; an event that would leave more than {@code capacity} of them waiting for
 * a flush is refused and counted as {@link LossCause#QUEUE_FULL}. The SDK's own buffer gets room for twice as many
 * (its index events take slots too), so it does not drop one of these itself.
 * <p>
 * An event the SDK dropped on its way in never shows up in a payload. So that such events do not hold slots forever,
 * what was admitted before the last-but-one payload counts as flushed; at shutdown, after the SDK's last flush, the
 * events admitted and never seen are counted as queue drops.
 */
public final class QueueGate {

    private final long capacity;
    private final DeliveryCounters counters;
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong seen = new AtomicLong();
    /** Admitted before the last-but-one payload: flushed or dropped by the SDK by now. */
    private final AtomicLong flushedFloor = new AtomicLong();
    private long admittedAtLastPayload;

    public QueueGate(int capacity, DeliveryCounters counters) {
        this.capacity = capacity;
        this.counters = counters;
    }

    /** The capacity to give the SDK's buffer for a configured {@code capacity}. */
    public static int sdkCapacity(int capacity) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * capacity + 100);
    }

    /** Whether one more event may go to the SDK; a refusal is counted as {@link LossCause#QUEUE_FULL}. */
    public boolean admit() {
        long now = admitted.incrementAndGet();
        if (now - Math.max(seen.get(), flushedFloor.get()) > capacity) {
            admitted.decrementAndGet();
            counters.lost(LossCause.QUEUE_FULL, 1, 0);
            return false;
        }
        return true;
    }

    /** The SDK put this many admitted events into a payload. */
    synchronized void handedOver(int events) {
        seen.addAndGet(events);
        flushedFloor.set(admittedAtLastPayload);
        admittedAtLastPayload = admitted.get();
    }

    /** After the SDK's last flush: what was admitted and never seen was dropped inside the SDK. */
    synchronized void closed() {
        long neverSeen = admitted.get() - seen.get();
        if (neverSeen > 0) {
            counters.lost(LossCause.QUEUE_FULL, (int) Math.min(Integer.MAX_VALUE, neverSeen), 0);
            seen.addAndGet(neverSeen);
        }
    }

    /** Events admitted and not yet seen in a payload. */
    public long waiting() {
        return Math.max(0, admitted.get() - seen.get());
    }
}
