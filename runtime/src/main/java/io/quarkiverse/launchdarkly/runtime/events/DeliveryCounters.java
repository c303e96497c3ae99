package io.quarkiverse.launchdarkly.runtime.events;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to the events the SDK handed over for delivery: sent to the spool, delivered, and lost by cause. Events
 * are counted as the SDK counts them in a payload (custom, identify, index, feature and summary events alike), except
 * {@link LossCause#QUEUE_FULL}, which counts the custom, identify and full feature events refused before they reached
 * the SDK's buffer. Health, the Dev UI, the log and the meters all read this one set of counters.
 */
public final class DeliveryCounters {

    private final LongAdder eventsSent = new LongAdder();
    private final LongAdder payloadsSent = new LongAdder();
    private final LongAdder eventsDelivered = new LongAdder();
    private final LongAdder payloadsDelivered = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder failedAttempts = new LongAdder();
    private final LongAdder eventsRestored = new LongAdder();
    private final LongAdder eventsWrittenAtShutdown = new LongAdder();
    private final Map<LossCause, LongAdder> lostEvents = new EnumMap<>(LossCause.class);
    private final Map<LossCause, LongAdder> lostPayloads = new EnumMap<>(LossCause.class);
    /** Part of {@link LossCause#QUEUE_FULL}, apart so that a drop at the hand-off is one increment and no map read. */
    private final LongAdder lostAtHandOff = new LongAdder();
    private final AtomicLong spooledBytes = new AtomicLong();
    private final AtomicLong spooledEvents = new AtomicLong();
    private final AtomicLong spooledPayloads = new AtomicLong();
    private volatile String stoppedBecause;
    private volatile String lastFailure;

    public DeliveryCounters() {
        for (LossCause cause : LossCause.values()) {
            lostEvents.put(cause, new LongAdder());
            lostPayloads.put(cause, new LongAdder());
        }
    }

    void sent(int events) {
        eventsSent.add(events);
        payloadsSent.increment();
    }

    void delivered(int events) {
        eventsDelivered.add(events);
        payloadsDelivered.increment();
    }

    void attempt(boolean failed, String failure) {
        attempts.increment();
        if (failed) {
            failedAttempts.increment();
            lastFailure = failure;
        }
    }

    /**
     * One event that the hand-off in front of the SDK could not hold, counted as {@link LossCause#QUEUE_FULL}. An
     * evaluation dropped there counts as one event, though the SDK would only have counted it in a summary.
     */
    public void lostAtHandOff() {
        lostAtHandOff.increment();
    }

    /** Events the hand-off in front of the SDK could not hold (included in the {@link LossCause#QUEUE_FULL} count). */
    public long lostAtHandOffCount() {
        return lostAtHandOff.sum();
    }

    void lost(LossCause cause, int events, int payloads) {
        lostEvents.get(cause).add(events);
        if (payloads != 0) {
            lostPayloads.get(cause).add(payloads);
        }
    }

    void restored(int events) {
        eventsRestored.add(events);
    }

    void writtenAtShutdown(int events) {
        eventsWrittenAtShutdown.add(events);
    }

    void spooled(long bytes, int events, int payloads) {
        spooledBytes.addAndGet(bytes);
        spooledEvents.addAndGet(events);
        spooledPayloads.addAndGet(payloads);
    }

    void stopped(String reason) {
        stoppedBecause = reason;
    }

    /** Events handed over by the SDK for delivery. */
    public long eventsSent() {
        return eventsSent.sum();
    }

    public long payloadsSent() {
        return payloadsSent.sum();
    }

    /** Events LaunchDarkly took (a 2xx answer). */
    public long eventsDelivered() {
        return eventsDelivered.sum();
    }

    public long payloadsDelivered() {
        return payloadsDelivered.sum();
    }

    /** HTTP attempts, the first of each payload included. */
    public long attempts() {
        return attempts.sum();
    }

    /** Attempts without a 2xx answer. */
    public long failedAttempts() {
        return failedAttempts.sum();
    }

    /** Events read back from the spool directory at start. */
    public long eventsRestored() {
        return eventsRestored.sum();
    }

    /** Events written to the spool directory at shutdown. */
    public long eventsWrittenAtShutdown() {
        return eventsWrittenAtShutdown.sum();
    }

    /** Events lost for this cause. */
    public long lostEvents(LossCause cause) {
        long lost = lostEvents.get(cause).sum();
        return cause == LossCause.QUEUE_FULL ? lost + lostAtHandOff.sum() : lost;
    }

    public long lostPayloads(LossCause cause) {
        return lostPayloads.get(cause).sum();
    }

    /** Events lost, every cause together. */
    public long lostEvents() {
        long total = lostAtHandOff.sum();
        for (LongAdder adder : lostEvents.values()) {
            total += adder.sum();
        }
        return total;
    }

    /** Lost events by cause, every cause present. */
    public Map<LossCause, Long> lostEventsByCause() {
        Map<LossCause, Long> snapshot = new EnumMap<>(LossCause.class);
        lostEvents.keySet().forEach(cause -> snapshot.put(cause, lostEvents(cause)));
        return snapshot;
    }

    /** Bytes of the payloads waiting in memory for delivery. */
    public long spooledBytes() {
        return spooledBytes.get();
    }

    public long spooledEvents() {
        return spooledEvents.get();
    }

    public long spooledPayloads() {
        return spooledPayloads.get();
    }

    /** Whether delivery has stopped for good (LaunchDarkly refused the SDK key). */
    public boolean stopped() {
        return stoppedBecause != null;
    }

    /** Why delivery stopped, or null while it runs. Never contains the SDK key. */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    /** The last failed attempt (status code or error, never a header), or null. */
    public String lastFailure() {
        return lastFailure;
    }

    /** One line with every figure, for the log. */
    public String summary() {
        StringBuilder lost = new StringBuilder();
        lostEventsByCause().forEach((cause, count) -> {
            if (count > 0) {
                lost.append(lost.isEmpty() ? "" : ", ").append(cause.tag()).append(' ').append(count);
            }
        });
        return "events sent " + eventsSent() + ", delivered " + eventsDelivered() + ", waiting " + spooledEvents()
                + " (" + spooledBytes() + " bytes), lost " + lostEvents() + (lost.isEmpty() ? "" : " (" + lost + ")")
                + ", attempts " + attempts() + " (" + failedAttempts() + " failed)";
    }
}
