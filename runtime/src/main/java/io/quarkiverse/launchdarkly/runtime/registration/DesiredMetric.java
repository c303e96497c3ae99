package io.quarkiverse.launchdarkly.runtime.registration;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.launchdarkly.runtime.registration.MetricDefinitionsConfig.MetricDefinition;

/**
 * A metric definition as LaunchDarkly's API spells it, holding only the fields the definition sets: those are the
 * fields compared and patched, so a field someone changed in LaunchDarkly that the definition does not mention is left
 * alone.
 */
final class DesiredMetric {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String key;
    /** Wire field name to value, for every field the definition sets (tags apart). */
    private final ObjectNode fields;
    private final Set<String> tags;

    private DesiredMetric(String key, ObjectNode fields, Set<String> tags) {
        this.key = key;
        this.fields = fields;
        this.tags = tags;
    }

    static DesiredMetric of(String key, MetricDefinition definition, String managedTag) {
        ObjectNode fields = NODES.objectNode();
        definition.name().ifPresent(v -> fields.put("name", v));
        definition.description().ifPresent(v -> fields.put("description", v));
        fields.put("kind", definition.kind());
        boolean custom = "custom".equals(definition.kind());
        if (custom) {
            fields.put("eventKey", definition.eventKey().orElse(key));
            fields.put("isNumeric", definition.numeric());
        }
        definition.unit().ifPresent(v -> fields.put("unit", v));
        definition.successCriteria().ifPresent(v -> fields.put("successCriteria",
                "higher-than-baseline".equals(v) ? "HigherThanBaseline" : "LowerThanBaseline"));
        definition.unitAggregation().ifPresent(v -> fields.put("unitAggregationType", v));
        definition.analysisType().ifPresent(v -> fields.put("analysisType", v));
        definition.percentileValue().ifPresent(v -> fields.put("percentileValue", v));
        definition.randomizationUnits().ifPresent(units -> {
            ArrayNode array = fields.putArray("randomizationUnits");
            units.forEach(array::add);
        });
        if (definition.eventDefaultDisabled().isPresent() || definition.eventDefaultValue().isPresent()) {
            ObjectNode eventDefault = fields.putObject("eventDefault");
            definition.eventDefaultDisabled().ifPresent(v -> eventDefault.put("disabled", v));
            definition.eventDefaultValue().ifPresent(v -> eventDefault.put("value", v));
        }
        definition.maintainerId().ifPresent(v -> fields.put("maintainerId", v));
        definition.selector().ifPresent(v -> fields.put("selector", v));
        definition.urls().ifPresent(urls -> {
            ArrayNode array = fields.putArray("urls");
            String match = definition.urlMatch();
            String field = switch (match) {
                case "substring" -> "substring";
                case "regex" -> "pattern";
                default -> "url";
            };
            urls.forEach(url -> array.addObject().put("kind", match).put(field, url));
        });
        Set<String> tags = new LinkedHashSet<>(definition.tags().orElse(List.of()));
        tags.add(managedTag);
        return new DesiredMetric(key, fields, tags);
    }

    String key() {
        return key;
    }

    /** The body that creates the metric: every set field, the key, the tags, and the name (the key by default). */
    ObjectNode createBody() {
        ObjectNode body = NODES.objectNode();
        body.put("key", key);
        if (!fields.has("name")) {
            body.put("name", key);
        }
        body.setAll(fields);
        ArrayNode array = body.putArray("tags");
        tags.forEach(array::add);
        return body;
    }

    /**
     * The JSON Patch operations that bring the metric read from LaunchDarkly to this definition: a {@code replace} (or
     * {@code add} when absent) for each set field that differs, and when a tag is missing one {@code replace} of the
     * tags with the missing ones appended (tags added in LaunchDarkly are kept). Every operation sets a value, so the
     * patch is idempotent: sent twice, it gives the same metric.
     */
    List<ObjectNode> patchAgainst(JsonNode actual) {
        List<ObjectNode> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode current = actual.get(field.getKey());
            if (field.getKey().equals("randomizationUnits") && current == null) {
                current = actual.get("analysisUnits");
            }
            if (!sameValue(field.getValue(), current)) {
                operations.add(operation(current == null || current.isNull() ? "add" : "replace", "/" + field.getKey(),
                        field.getValue()));
            }
        }
        Set<String> present = new LinkedHashSet<>();
        JsonNode actualTags = actual.get("tags");
        if (actualTags != null && actualTags.isArray()) {
            actualTags.forEach(tag -> present.add(tag.asText()));
        }
        if (!present.containsAll(tags) || actualTags == null || !actualTags.isArray()) {
            // The whole array, not "add /tags/-" per tag: a request retried after a lost answer must not append twice.
            Set<String> merged = new LinkedHashSet<>(present);
            merged.addAll(tags);
            ArrayNode all = NODES.arrayNode();
            merged.forEach(all::add);
            operations.add(operation(actualTags == null || actualTags.isNull() ? "add" : "replace", "/tags", all));
        }
        return operations;
    }

    /** The field names a patch touches, for the report. */
    static List<String> fieldsOf(List<ObjectNode> operations) {
        return operations.stream().map(op -> op.get("path").asText().substring(1).replace("/-", "")).distinct().toList();
    }

    private static ObjectNode operation(String op, String path, JsonNode value) {
        ObjectNode operation = NODES.objectNode();
        operation.put("op", op);
        operation.put("path", path);
        operation.set("value", value);
        return operation;
    }

    /** JSON equality where 99 and 99.0 are the same number and field order does not matter. */
    static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (actual == null || actual.isNull()) {
            return expected == null || expected.isNull();
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!sameValue(field.getValue(), actual.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!sameValue(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }
}
