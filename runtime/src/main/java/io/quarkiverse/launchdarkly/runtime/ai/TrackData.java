package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.UUID;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;

/**
 * Who a tracker speaks for: the fields every tracker event carries in its {@code data}. Kept apart from the tracker
 * so that a config can hold the fields of its future runs and each run only adds its own {@code runId}.
 *
 * @param runId the run, a UUIDv4; {@code null} in the template a config keeps
 * @param configKey the AI Config key
 * @param variationKey the variation, {@code ""} when the flag has none
 * @param version the variation version, 1 when the flag has none
 * @param modelName the model name, {@code ""} when none
 * @param providerName the provider name, {@code ""} when none
 * @param modelVersion the model version, 1 when none
 * @param modelKey the model key, sent only when not blank
 * @param graphKey the agent graph key, sent only when not {@code null} (graph nodes; kept through resumption tokens)
 */
record TrackData(String runId, String configKey, String variationKey, int version, String modelName,
        String providerName, int modelVersion, String modelKey, String graphKey) {

    TrackData {
        variationKey = variationKey == null ? "" : variationKey;
        modelName = modelName == null ? "" : modelName;
        providerName = providerName == null ? "" : providerName;
    }

    /** The same fields for a new run. */
    TrackData newRun() {
        return new TrackData(UUID.randomUUID().toString(), configKey, variationKey, version, modelName, providerName,
                modelVersion, modelKey, graphKey);
    }

    /** The event {@code data}: the reference's fields, {@code modelKey} and {@code graphKey} only when set. */
    ObjectBuilder toData() {
        ObjectBuilder data = LDValue.buildObject()
                .put("runId", runId)
                .put("configKey", configKey)
                .put("variationKey", variationKey)
                .put("version", version)
                .put("modelName", modelName)
                .put("providerName", providerName)
                .put("modelVersion", modelVersion);
        if (modelKey != null && !modelKey.isBlank()) {
            data.put("modelKey", modelKey);
        }
        if (graphKey != null) {
            data.put("graphKey", graphKey);
        }
        return data;
    }
}
