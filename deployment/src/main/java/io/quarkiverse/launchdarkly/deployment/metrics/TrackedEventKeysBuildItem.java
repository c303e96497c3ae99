package io.quarkiverse.launchdarkly.deployment.metrics;

import java.util.List;

import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Every event key the application tracks with {@code @TrackedMetric}, for other parts of the extension: the metric
 * registration checks it against the declared metric definitions (the Dev UI lists {@link CalledTrackedEventKeysBuildItem}).
 */
public final class TrackedEventKeysBuildItem extends SimpleBuildItem {

    /**
     * One tracked key.
     *
     * @param key the event key
     * @param sendsValue whether at least one of its events carries a numeric value
     * @param sendsConversion whether at least one of its events carries no value
     * @param methods where it is tracked ({@code Class#method(Params)})
     */
    public record TrackedEventKey(String key, boolean sendsValue, boolean sendsConversion, List<String> methods) {
    }

    private final List<TrackedEventKey> keys;

    public TrackedEventKeysBuildItem(List<TrackedEventKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** The keys, sorted. */
    public List<TrackedEventKey> keys() {
        return keys;
    }
}
