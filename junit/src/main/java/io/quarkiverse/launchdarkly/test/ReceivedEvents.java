package io.quarkiverse.launchdarkly.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.launchdarkly.sdk.LDValue;

/**
 * The events the stand-in has received: the most recent ones (the journal keeps {@code journal-capacity} of them) and
 * counts that are never trimmed. The {@code await} methods ask the application's SDK to deliver what it has buffered
 * while they wait, so a test never waits for the flush interval, and never sleeps.
 */
public final class ReceivedEvents {

    /** How long {@link #awaitCustomEvent(String)} waits. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration FLUSH_EVERY = Duration.ofMillis(200);
    private static final long POLL_MILLIS = 100;

    private final StandInHttp http;
    private final Runnable flush;

    ReceivedEvents(StandInHttp http, Runnable flush) {
        this.http = http;
        this.flush = flush;
    }

    /** The retained events, oldest first. */
    public List<RecordedEvent> all() {
        return events(http.get("/_local/events"));
    }

    /** The retained events that satisfy the predicate, oldest first. */
    public List<RecordedEvent> select(Predicate<RecordedEvent> predicate) {
        return all().stream().filter(predicate).toList();
    }

    /** The retained custom events with this key, oldest first. */
    public List<RecordedEvent> customEvents(String key) {
        return events(http.get(customEventsQuery(key)));
    }

    /** How many custom events were received per key, since the start or the last reset. */
    public Map<String, Long> customEventCounts() {
        Map<String, Long> counts = new TreeMap<>();
        LDValue json = http.get("/_local/events?kind=none").get("customEventCounts");
        json.keys().forEach(key -> counts.put(key, json.get(key).longValue()));
        return counts;
    }

    /** How many events (of every kind) were received. */
    public long total() {
        return counts().get("total").longValue();
    }

    /** How many events were pushed out of the retained list by newer ones. */
    public long dropped() {
        return counts().get("dropped").longValue();
    }

    /** How many event payloads were accepted. */
    public long payloads() {
        return counts().get("payloads").longValue();
    }

    /** How many event payloads were refused because their SDK key was wrong. */
    public long rejectedPayloads() {
        return counts().get("rejectedPayloads").longValue();
    }

    /** Forgets every event and count. */
    public void clear() {
        http.send("DELETE", "/_local/events", null);
    }

    /** Waits for one custom event with this key (at most {@link #DEFAULT_TIMEOUT}) and returns the first received. */
    public RecordedEvent awaitCustomEvent(String key) {
        return awaitCustomEvents(key, 1, DEFAULT_TIMEOUT).get(0);
    }

    /**
     * Waits until {@code count} custom events with this key have been received, and returns them (oldest first).
     *
     * @throws AssertionError when they have not all arrived in time, listing what did arrive
     */
    public List<RecordedEvent> awaitCustomEvents(String key, int count, Duration timeout) {
        return awaitMatching(customEventsQuery(key), event -> true, count, timeout,
                count + " custom event(s) with key '" + key + "'");
    }

    /**
     * Waits until at least {@code count} retained events satisfy the predicate and returns them (oldest first).
     *
     * @throws AssertionError on time-out, listing the events that were received
     */
    public List<RecordedEvent> await(Predicate<RecordedEvent> predicate, int count, Duration timeout,
            String description) {
        return awaitMatching("/_local/events", predicate, count, timeout, description);
    }

    /**
     * Asserts that no custom event with this key arrives: asks the SDK to deliver, waits {@code wait}, and fails if one
     * was received.
     */
    public void assertNoCustomEvent(String key, Duration wait) {
        flush.run();
        long deadline = System.nanoTime() + wait.toNanos();
        LDValue snapshot = http.get(customEventsQuery(key));
        while (snapshot.get("events").size() == 0 && System.nanoTime() < deadline) {
            long left = Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
            snapshot = http.get(customEventsQuery(key) + "&wait=" + Math.min(left, POLL_MILLIS) + "&seen="
                    + snapshot.get("total").longValue());
        }
        List<RecordedEvent> found = events(snapshot);
        if (!found.isEmpty()) {
            throw new AssertionError("Expected no custom event with key '" + key + "' but received " + found);
        }
    }

    private List<RecordedEvent> awaitMatching(String query, Predicate<RecordedEvent> predicate, int count,
            Duration timeout, String description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextFlush = System.nanoTime();
        long seen = -1;
        while (true) {
            long now = System.nanoTime();
            if (now - nextFlush >= 0) {
                flush.run();
                nextFlush = now + FLUSH_EVERY.toNanos();
            }
            long wait = seen < 0 ? 0 : Math.max(1, Math.min(POLL_MILLIS, Duration.ofNanos(deadline - now).toMillis()));
            LDValue snapshot = http.get(query + (query.contains("?") ? "&" : "?") + "wait=" + wait + "&seen="
                    + Math.max(seen, 0));
            seen = snapshot.get("total").longValue();
            List<RecordedEvent> matching = events(snapshot).stream().filter(predicate).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("Expected " + description + " within " + timeout + " but the stand-in received "
                        + matching.size() + "; events received: " + all());
            }
        }
    }

    private LDValue counts() {
        return http.get("/_local/events?kind=none");
    }

    private static String customEventsQuery(String key) {
        return "/_local/events?kind=custom&key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    private static List<RecordedEvent> events(LDValue snapshot) {
        List<RecordedEvent> events = new ArrayList<>();
        for (LDValue entry : snapshot.get("events").values()) {
            events.add(RecordedEvent.from(entry));
        }
        return events;
    }
}
