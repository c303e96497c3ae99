package io.quarkiverse.launchdarkly.runtime.metrics;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.launchdarkly.TrackingFailureCounts;

/**
 * Counts the events that could not be sent, by reason, and logs them without flooding the log: a warning once per
 * method and reason for expected gaps (no context, no value), and failures of the tracking itself at most once a minute
 * per method. Tracking never throws into the application. Event delivery logs its losses through the same once a minute
 * limit ({@link #rateLimitedWarning(String, Supplier)}). Applications read the counts through
 * {@link TrackingFailureCounts}.
 */
@Singleton
public class TrackingFailures implements TrackingFailureCounts {

    private static final Logger LOG = Logger.getLogger(TrackingFailures.class);
    private static final long EXCEPTION_LOG_INTERVAL_NANOS = 60_000_000_000L;

    /** Where events were not sent: the reason and the method with its annotation (or the judge). */
    public record Source(Reason reason, String where) {
    }

    private final Map<Reason, LongAdder> counts = new EnumMap<>(Reason.class);
    /** Only touched on failures, so a map look-up per count costs the successful calls nothing. */
    private final Map<Source, LongAdder> bySource = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastErrorLog = new ConcurrentHashMap<>();

    public TrackingFailures() {
        for (Reason reason : Reason.values()) {
            counts.put(reason, new LongAdder());
        }
    }

    void noContext(MethodPlan plan) {
        noContext(trackedMetric(plan), "its events are not sent");
    }

    /**
     * Counts a call that had no context and warns once per method.
     *
     * @param method {@code Class#method(...)}
     * @param consequence what did not happen, for the warning
     */
    public void noContext(String method, String consequence) {
        count(Reason.NO_CONTEXT, method);
        if (warned.add(Reason.NO_CONTEXT + method)) {
            LOG.warnf("No LaunchDarkly context for %s, so %s: add a @LaunchDarklyContext parameter, a ContextResolver bean,"
                    + " or authenticate the caller (logged once per method)", method, consequence);
        }
    }

    void invalidValue(MethodPlan plan, EventPlan event, Object value) {
        count(Reason.INVALID_VALUE, trackedMetric(plan));
        if (warned.add(Reason.INVALID_VALUE + plan.method() + "#" + event.key())) {
            LOG.warnf("The value of event '%s' of %s was %s, so the event is not sent (logged once per method)",
                    event.key(), plan.method(), value);
        }
    }

    void trackingError(MethodPlan plan, RuntimeException error) {
        trackingError(trackedMetric(plan), error);
    }

    /** Counts a failure of the tracking of this method and logs it at most once a minute per method. */
    public void trackingError(String method, RuntimeException error) {
        count(Reason.TRACKING_ERROR, method);
        if (dueForLog(method)) {
            LOG.errorf(error, "Tracking the LaunchDarkly events of %s failed; the call itself was not affected"
                    + " (logged at most once a minute per method, %d failure(s) so far)", method,
                    counts.get(Reason.TRACKING_ERROR).sum());
        }
    }

    /**
     * Logs a warning on this topic at most once a minute, the same limit as the tracking failures; the message is built
     * only when it is logged. For failures that repeat, such as events LaunchDarkly did not take.
     */
    public void rateLimitedWarning(String topic, Supplier<String> message) {
        if (dueForLog(topic)) {
            LOG.warn(message.get() + " (logged at most once a minute)");
        }
    }

    /**
     * Counts a judge evaluation that was not run and logs it at most once a minute.
     *
     * @param why what refused it
     */
    public void judgeDropped(String why) {
        count(Reason.JUDGE_DROPPED, "judges");
        if (dueForLog(Reason.JUDGE_DROPPED.name())) {
            LOG.warnf("A judge evaluation was not run (%s), so its graded call gets no score from it (logged at most"
                    + " once a minute, %d judge evaluation(s) dropped so far)", why,
                    counts.get(Reason.JUDGE_DROPPED).sum());
        }
    }

    /**
     * Counts a judge that ran without giving a score and logs it at most once a minute per judge.
     *
     * @param judgeKey the judge's AI Config key
     * @param why the result's error message
     */
    public void judgeFailed(String judgeKey, String why) {
        count(Reason.JUDGE_FAILED, "judge " + judgeKey);
        if (dueForLog(Reason.JUDGE_FAILED.name() + judgeKey)) {
            LOG.warnf("The judge %s gave no score: %s (logged at most once a minute per judge, %d judge failure(s) so"
                    + " far)", judgeKey, why, counts.get(Reason.JUDGE_FAILED).sum());
        }
    }

    /**
     * Logs a warning of the AI trackers (a second {@code trackSuccess} on one run, for one) at most once a minute per
     * distinct message: a method that records an outcome itself does so on every call.
     */
    public void warning(String message) {
        if (dueForLog("warning " + message)) {
            LOG.warnf("%s (logged at most once a minute)", message);
        }
    }

    /** Whether a rate-limited message under this key may be logged now (then not again for a minute). */
    private boolean dueForLog(String key) {
        long now = System.nanoTime();
        Long logged = lastErrorLog.get(key);
        if (logged != null && now - logged <= EXCEPTION_LOG_INTERVAL_NANOS) {
            // The frequent answer, for failures that repeat on every call (events dropped while the queue is full):
            // a read, no lock on the map's bin and no allocation.
            return false;
        }
        boolean[] due = { false };
        lastErrorLog.compute(key, (k, last) -> {
            if (last == null || now - last > EXCEPTION_LOG_INTERVAL_NANOS) {
                due[0] = true;
                return now;
            }
            return last;
        });
        return due[0];
    }

    /**
     * The method as the logs and the Dev UI name it: {@code Class#method(Param) @TrackedMetric}.
     */
    private static String trackedMetric(MethodPlan plan) {
        return plan.method() + " @TrackedMetric";
    }

    private void count(Reason reason, String where) {
        counts.get(reason).increment();
        bySource.computeIfAbsent(new Source(reason, where), source -> new LongAdder()).increment();
    }

    /** The counts by reason and by method (or judge), for the Dev UI. */
    public Map<Source, Long> countsBySource() {
        Map<Source, Long> snapshot = new LinkedHashMap<>();
        bySource.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Source, LongAdder> e) -> e.getKey().reason())
                        .thenComparing(e -> e.getKey().where()))
                .forEach(e -> snapshot.put(e.getKey(), e.getValue().sum()));
        return snapshot;
    }

    @Override
    public long count(Reason reason) {
        return counts.get(reason).sum();
    }

    @Override
    public Map<Reason, Long> counts() {
        Map<Reason, Long> snapshot = new EnumMap<>(Reason.class);
        counts.forEach((reason, adder) -> snapshot.put(reason, adder.sum()));
        return snapshot;
    }
}
