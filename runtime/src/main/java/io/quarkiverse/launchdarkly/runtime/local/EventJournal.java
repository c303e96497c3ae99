package io.quarkiverse.launchdarkly.runtime.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.LDValue;

/**
 * What the local stand-in has received: a bounded list of the most recent events plus counts that are never trimmed
 * (per custom event key, in total, and how many were pushed out of the list). Tests and the Dev UI read it and can
 * subscribe to it. Thread-safe.
 */
public final class EventJournal {

    private static final Logger LOG = Logger.getLogger(EventJournal.class);

    private final int capacity;
    private final ArrayDeque<RecordedEvent> recent = new ArrayDeque<>();
    private final Map<String, Long> customCounts = new TreeMap<>();
    private final List<Consumer<RecordedEvent>> subscribers = new CopyOnWriteArrayList<>();
    private long total;
    private long dropped;
    private long payloads;
    private long diagnosticPayloads;
    private long rejectedPayloads;
    private LDValue lastDiagnostic = LDValue.ofNull();
    private volatile Runnable flusher = () -> {
    };

    public EventJournal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The journal keeps at least one event, got capacity " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records the events of one accepted {@code /bulk} payload, in payload order. */
    void recordPayload(List<String> events) {
        List<RecordedEvent> added = new ArrayList<>(events.size());
        synchronized (this) {
            payloads++;
            Instant now = Instant.now();
            for (String json : events) {
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
        }
        for (RecordedEvent event : added) {
            for (Consumer<RecordedEvent> subscriber : subscribers) {
                try {
                    subscriber.accept(event);
                } catch (RuntimeException e) {
                    LOG.debugf(e, "A journal subscriber failed on event #%d", event.sequence());
                }
            }
        }
    }

    synchronized void recordDiagnostic(LDValue payload) {
        diagnosticPayloads++;
        lastDiagnostic = payload;
    }

    synchronized void recordRejectedPayload() {
        rejectedPayloads++;
    }

    /** Tells the journal how to make the application's SDK deliver what it has buffered, used while awaiting. */
    void flushWith(Runnable flush) {
        this.flusher = flush == null ? () -> {
        } : flush;
    }

    /** The retained events, oldest first. */
    public synchronized List<RecordedEvent> events() {
        return List.copyOf(recent);
    }

    /** The retained custom events with this key, oldest first. */
    public List<RecordedEvent> customEvents(String key) {
        return select(e -> e.isCustom() && key.equals(e.key()));
    }

    /** The retained events that satisfy the predicate, oldest first. */
    public synchronized List<RecordedEvent> select(Predicate<RecordedEvent> predicate) {
        return recent.stream().filter(predicate).toList();
    }

    /** How many custom events were received per key, since the start or the last {@link #clear()}. */
    public synchronized Map<String, Long> customEventCounts() {
        return Map.copyOf(customCounts);
    }

    /** How many events (of every kind) were received. */
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

    /** The last diagnostic payload, or a JSON null. */
    public synchronized LDValue lastDiagnostic() {
        return lastDiagnostic;
    }

    /** Forgets every event and count (subscribers stay). */
    public synchronized void clear() {
        recent.clear();
        customCounts.clear();
        total = 0;
        dropped = 0;
        payloads = 0;
        diagnosticPayloads = 0;
        rejectedPayloads = 0;
        lastDiagnostic = LDValue.ofNull();
    }

    /**
     * Calls the listener with every event received from now on, on the server thread that received it. Close the
     * returned handle to stop.
     */
    public AutoCloseable subscribe(Consumer<RecordedEvent> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    /**
     * Waits until {@code count} custom events with this key have been received, asking the SDK to deliver its buffer
     * while waiting, and returns them (oldest first).
     *
     * @throws AssertionError when they have not all arrived in time, with what did arrive
     */
    public List<RecordedEvent> awaitCustomEvents(String key, int count, Duration timeout) {
        return await(e -> e.isCustom() && key.equals(e.key()), count, timeout,
                count + " custom event(s) with key '" + key + "'");
    }

    /** Waits for one custom event with this key and returns the first received. */
    public RecordedEvent awaitCustomEvent(String key) {
        return awaitCustomEvents(key, 1, Duration.ofSeconds(10)).get(0);
    }

    /**
     * Waits until at least {@code count} retained events satisfy the predicate and returns them (oldest first).
     *
     * @throws AssertionError on time-out, listing the events that were received
     */
    public List<RecordedEvent> await(Predicate<RecordedEvent> predicate, int count, Duration timeout, String description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextFlush = 0;
        while (true) {
            long now = System.nanoTime();
            if (now - nextFlush >= 0) {
                flusher.run();
                nextFlush = now + Duration.ofMillis(200).toNanos();
            }
            synchronized (this) {
                List<RecordedEvent> matching = recent.stream().filter(predicate).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Expected " + description + " within " + timeout + " but the stand-in received "
                            + matching.size() + "; events received: " + recent);
                }
                try {
                    wait(Math.max(1, Math.min(Duration.ofNanos(left).toMillis(), 50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted while waiting for " + description, e);
                }
            }
        }
    }

    /**
     * Asserts that no custom event with this key arrives: flushes the SDK, waits for the delivery, and fails if one was
     * received.
     */
    public void assertNoCustomEvent(String key, Duration wait) {
        flusher.run();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!customEvents(key).isEmpty()) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<RecordedEvent> found = customEvents(key);
        if (!found.isEmpty()) {
            throw new AssertionError("Expected no custom event with key '" + key + "' but received " + found);
        }
    }
}
