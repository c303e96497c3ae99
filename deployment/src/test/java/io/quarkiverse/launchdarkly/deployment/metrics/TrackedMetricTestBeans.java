package io.quarkiverse.launchdarkly.deployment.metrics;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;

/**
 * A marker bean and helpers shared by the {@code TrackedMetric*BehaviourTest} classes. A test app adds this class (and so
 * its nested {@link Sentinel}) to its archive.
 */
final class TrackedMetricTestBeans {

    static final String SENTINEL = "test.sentinel";

    private TrackedMetricTestBeans() {
    }

    /**
     * Sends a marker event with an explicit context, and waits for it. The SDK delivers events in the order they were
     * recorded, so once the marker has arrived every event recorded before it has arrived too: a key with no event then
     * really got none (no sleeping and hoping).
     */
    @ApplicationScoped
    public static class Sentinel {

        @TrackedMetric(SENTINEL)
        public void mark(@LaunchDarklyContext String user, @MetricData("n") int n) {
        }
    }

    /** Sends a marker, waits for it to arrive, and returns every other custom event received so far, oldest first. */
    static List<RecordedEvent> drain(LocalLaunchDarkly launchDarkly, Sentinel sentinel) {
        int before = launchDarkly.events().customEvents(SENTINEL).size();
        sentinel.mark("sentinel", before);
        launchDarkly.events().awaitCustomEvents(SENTINEL, before + 1, Duration.ofSeconds(10));
        return customEvents(launchDarkly);
    }

    /** All received custom events except the markers, oldest first. */
    static List<RecordedEvent> customEvents(LocalLaunchDarkly launchDarkly) {
        return launchDarkly.events().select(e -> e.isCustom() && !SENTINEL.equals(e.key()));
    }
}
