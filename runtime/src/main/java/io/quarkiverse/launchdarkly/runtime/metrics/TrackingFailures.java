package io.quarkiverse.launchdarkly.runtime.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

/**
 * Counts the events that could not be sent, by reason, and logs them without flooding the log: a warning once per
 * method and reason for expected gaps (no context, no value), and failures of the tracking itself at most once a minute
 * per method. Tracking never throws into the application. Event delivery logs its losses through the same once a minute
 * limit ({@link #rateLimitedWarning(String, Supplier)}).
 */
@Singleton
public class TrackingFailures {

    private static final Logger LOG = Logger.getLogger(TrackingFailures.class);
    private static final long EXCEPTION_LOG_INTERVAL_NANOS = 60_000_000_000L;

    /** Why an event was not sent. */
    public enum Reason {
        /** No context could be resolved for the call. */
        NO_CONTEXT,
        /** The value was null, NaN or infinite. */
        INVALID_VALUE,
        /** Tracking itself threw. */
        TRACKING_ERROR
    }

    private final Map<Reason, LongAdder> counts = new EnumMap<>(Reason.class);
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastErrorLog = new ConcurrentHashMap<>();

    public TrackingFailures() {
        for (Reason reason : Reason.values()) {
            counts.put(reason, new LongAdder());
        }
    }

    void noContext(MethodPlan plan) {
        noContext(plan.method(), "its events are not sent");
    }

    /**
     * Counts a call that had no context and warns once per method.
     *
     * @param method {@code Class#method(...)}
     * @param consequence what did not happen, for the warning
     */
    public void noContext(String method, String consequence) {
        counts.get(Reason.NO_CONTEXT).increment();
        if (warned.add(Reason.NO_CONTEXT + method)) {
            LOG.warnf("No LaunchDarkly context for %s, so %s: add a @LaunchDarklyContext parameter, a ContextResolver bean,"
                    + " or authenticate the caller (logged once per method)", method, consequence);
        }
    }

    void invalidValue(MethodPlan plan, EventPlan event, Object value) {
        counts.get(Reason.INVALID_VALUE).increment();
        if (warned.add(Reason.INVALID_VALUE + plan.method() + "#" + event.key())) {
            LOG.warnf("The value of event '%s' of %s was %s, so the event is not sent (logged once per method)",
                    event.key(), plan.method(), value);
        }
    }

    void trackingError(MethodPlan plan, RuntimeException error) {
        trackingError(plan.method(), error);
    }

    /** Counts a failure of the tracking of this method and logs it at most once a minute per method. */
    public void trackingError(String method, RuntimeException error) {
        counts.get(Reason.TRACKING_ERROR).increment();
        if (due(method)) {
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
        if (due(topic)) {
            LOG.warn(message.get() + " (logged at most once a minute)");
        }
    }

    /** Whether the last log line on this key is older than the interval, and if so takes the turn. */
    private boolean due(String key) {
        long now = System.nanoTime();
        Long last = lastErrorLog.get(key);
        if (last != null && now - last <= EXCEPTION_LOG_INTERVAL_NANOS) {
            return false;
        }
        return last == null ? lastErrorLog.putIfAbsent(key, now) == null : lastErrorLog.replace(key, last, now);
    }

    /** How many events were not sent for this reason. */
    public long count(Reason reason) {
        return counts.get(reason).sum();
    }

    /** All counts. */
    public Map<Reason, Long> counts() {
        Map<Reason, Long> snapshot = new EnumMap<>(Reason.class);
        counts.forEach((reason, adder) -> snapshot.put(reason, adder.sum()));
        return snapshot;
    }
}
