package io.quarkiverse.launchdarkly.runtime.events;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.server.subsystems.ComponentConfigurer;
import com.launchdarkly.sdk.server.subsystems.EventSender;

import io.quarkiverse.launchdarkly.runtime.client.LaunchDarklyConfig;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;

/**
 * The extension's event delivery: the {@link QueueGate} in front of the SDK's buffer, the {@link RetryingEventSender}
 * the SDK gets through {@code Components.sendEvents().eventSender(...)}, and the one set of {@link DeliveryCounters}
 * that health, the Dev UI, the log and the meters read. Losses are logged through {@link TrackingFailures}' once a
 * minute limit.
 */
public final class EventDelivery {

    private static final Logger LOG = Logger.getLogger(EventDelivery.class);
    private static final String LOSS_TOPIC = "launchdarkly-events-lost";
    private static final String RETRY_TOPIC = "launchdarkly-events-retrying";

    private final LaunchDarklyConfig.EventsConfig config;
    private final String sdkKeySource;
    private final TrackingFailures failures;
    private final DeliveryCounters counters = new DeliveryCounters();
    private final QueueGate gate;
    private final Optional<SpoolDirectory> spoolDirectory;
    private volatile long drainDeadline = Long.MIN_VALUE;
    private volatile RetryingEventSender sender;

    /**
     * @param sdkKeySource the property or environment variable the SDK key came from, for messages
     */
    public EventDelivery(LaunchDarklyConfig.EventsConfig config, String sdkKeySource, TrackingFailures failures) {
        this.config = config;
        this.sdkKeySource = sdkKeySource;
        this.failures = failures;
        this.gate = new QueueGate(config.capacity(), counters);
        this.spoolDirectory = config.spoolDirectory().map(SpoolDirectory::new);
    }

    /** What the SDK calls to build its event sender. */
    public ComponentConfigurer<EventSender> sender() {
        return context -> {
            RetryingEventSender built = new RetryingEventSender(this, new EventPoster(context.getHttp()),
                    context.getServiceEndpoints().getEventsBaseUri());
            sender = built;
            return built;
        };
    }

    public DeliveryCounters counters() {
        return counters;
    }

    public QueueGate gate() {
        return gate;
    }

    /**
     * The shutdown is starting and may take this long: the sender delivers what it can until shortly before, leaving
     * time to write or count what is left.
     */
    public void shutdownWithin(Duration timeout) {
        long margin = Math.min(timeout.toNanos() / 10, Duration.ofMillis(500).toNanos());
        drainDeadline = System.nanoTime() + timeout.toNanos() - margin;
    }

    /** Closes the sender if the SDK has not (it closes it when the client closes). */
    public void close() {
        RetryingEventSender current = sender;
        if (current != null) {
            current.close();
        }
    }

    long drainDeadline() {
        return drainDeadline == Long.MIN_VALUE ? System.nanoTime() : drainDeadline;
    }

    long spoolBytes() {
        return config.spoolSize().asLongValue();
    }

    Backoff backoff() {
        return new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
    }

    String sdkKeySource() {
        return sdkKeySource;
    }

    /** Payloads written at the last shutdown, to be sent first. */
    List<Payload> restore(URI eventsBaseUri) {
        List<Payload> restored = spoolDirectory.map(directory -> directory.load(eventsBaseUri)).orElse(List.of());
        if (!restored.isEmpty()) {
            LOG.infof("Sending %d LaunchDarkly event(s) in %d payload(s) left undelivered at the last shutdown",
                    restored.stream().mapToInt(Payload::events).sum(), restored.size());
        }
        return restored;
    }

    /** The payloads the drain did not deliver in time: written to the spool directory, else lost. */
    void leftAtShutdown(List<Payload> left) {
        int written = spoolDirectory.map(directory -> directory.write(left)).orElse(0);
        List<Payload> kept = left.subList(0, written);
        List<Payload> lost = left.subList(written, left.size());
        int keptEvents = kept.stream().mapToInt(Payload::events).sum();
        int lostEvents = lost.stream().mapToInt(Payload::events).sum();
        if (!kept.isEmpty()) {
            counters.writtenAtShutdown(keptEvents);
            LOG.infof("%d LaunchDarkly event(s) in %d payload(s) not delivered within the shutdown timeout were written"
                    + " to %s; the next start sends them", keptEvents, kept.size(), spoolDirectory.get().path());
        }
        if (!lost.isEmpty()) {
            counters.lost(LossCause.SHUTDOWN, lostEvents, lost.size());
            LOG.warnf("%d LaunchDarkly event(s) in %d payload(s) were not delivered within the shutdown timeout"
                    + " (quarkus.launchdarkly.shutdown-timeout) and are lost%s. %s", lostEvents, lost.size(),
                    spoolDirectory.isEmpty() ? "; set quarkus.launchdarkly.events.spool-directory to send them at the next"
                            + " start" : "",
                    counters.summary());
        }
    }

    /** A loss was counted: the log says so, at most once a minute. */
    void lost() {
        failures.rateLimitedWarning(LOSS_TOPIC, () -> "LaunchDarkly events were lost: " + counters.summary()
                + (counters.stopped() ? ". " + counters.stoppedBecause() : ""));
    }

    /** An attempt failed and the payload will be retried. */
    void retrying(String why) {
        failures.rateLimitedWarning(RETRY_TOPIC, () -> "LaunchDarkly did not take an event payload (" + why
                + "); retrying with backoff, nothing is lost while it fits in quarkus.launchdarkly.events.spool-size: "
                + counters.summary());
    }
}
