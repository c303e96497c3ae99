package io.quarkiverse.launchdarkly.standin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the stand-in has received: a bounded list of the most recent events plus counts that are never trimmed (per
 * custom event key, in total, and how many were pushed out of the list). Thread-safe.
 */
public final class EventJournal {

    private final int capacity;
    private final ArrayDeque<RecordedEvent> recent = new ArrayDeque<>();
    private final Map<String, Long> customCounts = new TreeMap<>();
    private long total;
    private long dropped;
    private long payloads;
    private long diagnosticPayloads;
    private long rejectedPayloads;
    private JsonNode lastDiagnostic;

    public EventJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The journal keeps at least one event, got capacity " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records the events of one accepted {@code /bulk} payload, in payload order, and wakes up waiting readers. */
    public synchronized List<RecordedEvent> recordPayload(List<JsonNode> events) {
        payloads++;
        Instant now = Instant.now();
        List<RecordedEvent> added = new ArrayList<>(events.size());
        for (JsonNode json : events) {
            RecordedEvent event = new RecordedEvent(++total, now, json);
            if (recent.size() == capacity) {
                recent.removeFirst();
                dropped++;
            }
            recent.addLast(event);
            if (event.isCustom() && event.key() != null) {
                customCounts.merge(event.key(), 1L, Long::sum);
            }
            added.add(event);
        }
        notifyAll();
        return added;
    }

    synchronized void recordDiagnostic(JsonNode payload) {
        diagnosticPayloads++;
        lastDiagnostic = payload;
    }

    synchronized void recordRejectedPayload() {
        rejectedPayloads++;
    }

    /** The retained events, oldest first. */
    public synchronized List<RecordedEvent> events() {
        return List.copyOf(recent);
    }

    /** The retained events that satisfy the predicate, oldest first. */
    public synchronized List<RecordedEvent> select(Predicate<RecordedEvent> predicate) {
        return recent.stream().filter(predicate).toList();
    }

    /**
     * Waits until the total differs from {@code seen} (an event arrived, or the journal was cleared), at most
     * {@code wait}, so a reader polling over HTTP learns of new events as they come without asking again and again.
     */
    public synchronized void awaitTotalOtherThan(long seen, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (total == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, Duration.ofNanos(left).toMillis()));
        }
    }

    /** How many custom events were received per key, since the start or the last {@link #clear()}. */
    public synchronized Map<String, Long> customEventCounts() {
        return Map.copyOf(customCounts);
    }

    /** How many events (of every kind) were received; also the sequence of the newest. */
    public synchronized long total() {
        return total;
    }

    /** How many events were pushed out of the retained list by newer ones. */
    public synchronized long dropped() {
        return dropped;
    }

    /** How many {@code /bulk} payloads were accepted. */
    public synchronized long payloads() {
        return payloads;
    }

    /** How many {@code /diagnostic} payloads were accepted. */
    public synchronized long diagnosticPayloads() {
        return diagnosticPayloads;
    }

    /** How many event payloads were refused because their SDK key was wrong. */
    public synchronized long rejectedPayloads() {
        return rejectedPayloads;
    }

    /** The last diagnostic payload, or {@code null}. */
    public synchronized JsonNode lastDiagnostic() {
        return lastDiagnostic;
    }

    /** How many events the journal keeps. */
    public int capacity() {
        return capacity;
    }

    /** Forgets every event and count, and wakes up waiting readers. */
    public synchronized void clear() {
        recent.clear();
        customCounts.clear();
        total = 0;
        dropped = 0;
        payloads = 0;
        diagnosticPayloads = 0;
        rejectedPayloads = 0;
        lastDiagnostic = null;
        notifyAll();
    }
}
