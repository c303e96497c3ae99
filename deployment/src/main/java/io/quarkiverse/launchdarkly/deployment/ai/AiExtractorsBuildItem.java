package io.quarkiverse.launchdarkly.deployment.ai;

import java.util.List;
import java.util.Map;

import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.deployment.common.MethodSignatures;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The {@code AiMetricsExtractor} beans of the application, keyed by the response type each reads: the built-in ones
 * whose library is on the classpath, and the application's own (which win over a built-in for the same type).
 */
public final class AiExtractorsBuildItem extends SimpleBuildItem {

    private final Map<String, String> byResponseType;
    private final List<String> builtInsActive;

    AiExtractorsBuildItem(Map<String, String> byResponseType, List<String> builtInsActive) {
        this.byResponseType = Map.copyOf(byResponseType);
        this.builtInsActive = List.copyOf(builtInsActive);
    }

    /** The extractor class for this response type (a {@code MethodSignatures.typeKey}), or null. */
    public String extractorFor(String responseType) {
        return byResponseType.get(responseType);
    }

    /** The built-in extractor classes registered because their library is present. */
    public List<String> builtInsActive() {
        return builtInsActive;
    }
}
