package io.quarkiverse.launchdarkly.runtime.registration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;
import io.quarkiverse.launchdarkly.registration.MetricPost;
import io.quarkiverse.launchdarkly.registration.MetricRep;
import io.quarkiverse.launchdarkly.registration.PatchOperation;

/**
 * The reconciliation compares JSON trees (only the fields a definition sets matter, whatever the DTOs hold), while the
 * client speaks typed DTOs: these calls convert at that boundary.
 */
final class Registrations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Registrations() {
    }

    static Optional<JsonNode> get(LaunchDarklyMetricsClient client, String project, String key) {
        return client.get(project, key).map(JSON::valueToTree);
    }

    static void create(LaunchDarklyMetricsClient client, String project, ObjectNode body) {
        try {
            client.create(project, JSON.treeToValue(body, MetricPost.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Metric definition '" + body.path("key").asText()
                    + "' does not map to LaunchDarkly's metric body: " + e.getOriginalMessage(), e);
        }
    }

    static void patch(LaunchDarklyMetricsClient client, String project, String key, List<ObjectNode> operations) {
        client.update(project, key, operations.stream()
                .map(op -> new PatchOperation(op.get("op").asText(), op.get("path").asText(), op.get("value")))
                .toList());
    }

    static void delete(LaunchDarklyMetricsClient client, String project, String key) {
        client.delete(project, key);
    }

    /**
     * The metrics of the project carrying the tag, by key, sorted (the API's filter, checked again here on each
     * metric).
     */
    static Map<String, JsonNode> listTagged(LaunchDarklyMetricsClient client, String project, String tag) {
        Map<String, JsonNode> metrics = new TreeMap<>();
        for (MetricRep metric : client.list(project, "tags contains [\"" + tag + "\"]")) {
            if (metric.hasTag(tag)) {
                metrics.put(metric.key(), JSON.valueToTree(metric));
            }
        }
        return metrics;
    }
}
