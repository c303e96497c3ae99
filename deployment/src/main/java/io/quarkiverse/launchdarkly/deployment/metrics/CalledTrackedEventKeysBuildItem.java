package io.quarkiverse.launchdarkly.deployment.metrics;

import java.util.List;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The tracked event keys of the {@code @TrackedMetric} methods that a bean the application keeps runs: the Dev UI lists
 * these, not the keys of beans Quarkus removed as unused (they never send anything).
 */
public final class CalledTrackedEventKeysBuildItem extends SimpleBuildItem {

    private final List<TrackedEventKeysBuildItem.TrackedEventKey> keys;

    public CalledTrackedEventKeysBuildItem(List<TrackedEventKeysBuildItem.TrackedEventKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** The keys, sorted. */
    public List<TrackedEventKeysBuildItem.TrackedEventKey> keys() {
        return keys;
    }
}
