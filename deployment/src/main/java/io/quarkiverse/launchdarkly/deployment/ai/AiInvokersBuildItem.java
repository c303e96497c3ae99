package io.quarkiverse.launchdarkly.deployment.ai;

import java.util.Map;

import io.quarkus.builder.item.SimpleBuildItem;

/** The class names of the invokers ArC generates for fallback and default-config methods, by plan index. */
public final class AiInvokersBuildItem extends SimpleBuildItem {

    private final Map<Integer, String> fallbacks;
    private final Map<Integer, String> defaultConfigs;

    AiInvokersBuildItem(Map<Integer, String> fallbacks, Map<Integer, String> defaultConfigs) {
        this.fallbacks = Map.copyOf(fallbacks);
        this.defaultConfigs = Map.copyOf(defaultConfigs);
    }

    Map<Integer, String> fallbacks() {
        return fallbacks;
    }

    Map<Integer, String> defaultConfigs() {
        return defaultConfigs;
    }
}
