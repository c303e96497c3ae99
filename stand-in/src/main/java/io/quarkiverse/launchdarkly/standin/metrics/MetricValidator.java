package io.quarkiverse.launchdarkly.standin.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules LaunchDarkly applies to a metric body ({@code MetricPost}), checked on create and again on the result of
 * a patch, so that a client which passes against the stand-in does not meet a 400 from the real service.
 * <p>
 * Sources: the {@code MetricPost} schema of LaunchDarkly's OpenAPI document (fields, enums, which fields each kind
 * requires) and the key rule LaunchDarkly's own Terraform provider enforces (letters, digits, {@code .}, {@code _},
 * {@code -}, starting with a letter or digit). Tags follow the same provider's rule (1 to 64 letters, digits,
 * {@code .}, {@code _}, {@code -}).
 * <p>
 * Fields outside {@code MetricPost} are rejected with 400 rather than ignored. The OpenAPI document does not say what
 * the real API does with them; rejecting makes a misspelt field (which the real service would at best drop silently)
 * visible in tests.
 */
final class MetricValidator {

    static final String ANALYSIS_UNITS = "analysisUnits";
    static final String RANDOMIZATION_UNITS = "randomizationUnits";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The fields of {@code MetricPost}. */
    static final Set<String> WRITABLE_FIELDS = Set.of("key", "name", "description", "kind", "selector", "urls",
            "isNumeric", "unit", "eventKey", "successCriteria", "tags", RANDOMIZATION_UNITS, "maintainerId",
            "unitAggregationType", "analysisType", "percentileValue", "eventDefault", "dataSource", "filters");

    /** Fields of {@code MetricRep} that LaunchDarkly computes although their names have no leading underscore. */
    static final Set<String> SERVER_FIELDS = Set.of("experimentCount", "metricGroupCount", "activeExperimentCount",
            "activeGuardedRolloutCount", "isActive", "lastModified", "lastSeen", "archived", "archivedAt", "category",
            "experiments", "metricGroups", "lastUsedInExperiment", "lastUsedInGuardedRollout");

    static final List<String> KINDS = List.of("custom", "pageview", "click");
    private static final List<String> SUCCESS_CRITERIA = List.of("HigherThanBaseline", "LowerThanBaseline");
    private static final List<String> UNIT_AGGREGATION_TYPES = List.of("average", "sum");
    private static final List<String> ANALYSIS_TYPES = List.of("mean", "percentile");
    private static final List<String> URL_KINDS = List.of("exact", "canonical", "substring", "regex");
    private static final List<String> FILTER_TYPES = List.of("group", "contextAttribute", "eventProperty");

    private MetricValidator() {
    }

    /** Whether a key has the shape LaunchDarkly accepts for metric keys. */
    static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** Whether a field is one a client may never write: {@code _}-prefixed, computed by the server, or the key. */
    static boolean isReadOnly(String field) {
        return field.startsWith("_") || SERVER_FIELDS.contains(field) || field.equals("key");
    }

    /**
     * Drops top-level {@code null} values: a JSON {@code null} for an optional field means "not set", as in the Go
     * service behind the real API.
     */
    static void dropNulls(ObjectNode metric) {
        List<String> nulls = new ArrayList<>();
        for (var field : metric.properties()) {
            if (field.getValue().isNull()) {
                nulls.add(field.getKey());
            }
        }
        metric.remove(nulls);
    }

    /**
     * Accepts {@code analysisUnits} (newer API versions) as another name for {@code randomizationUnits} and keeps
     * only the latter, so that storage has one name and reads can answer both.
     */
    static void mergeAnalysisUnitsAlias(ObjectNode metric) {
        JsonNode alias = metric.remove(ANALYSIS_UNITS);
        if (alias == null || alias.isNull()) {
            return;
        }
        checkStringArray(alias, ANALYSIS_UNITS, null);
        JsonNode units = metric.get(RANDOMIZATION_UNITS);
        if (units != null && !units.isNull() && !units.equals(alias)) {
            throw ApiError.invalid("analysisUnits and randomizationUnits name the same field and must not differ");
        }
        metric.set(RANDOMIZATION_UNITS, alias);
    }

    /**
     * Checks a metric body.
     *
     * @param metric the body, after {@link #dropNulls} and {@link #mergeAnalysisUnitsAlias}
     * @param tolerated fields outside {@code MetricPost} that may stay (those of a stored metric when checking a
     *        patch result, since a seeded metric may carry fields this stand-in does not know)
     */
    static void validate(ObjectNode metric, Set<String> tolerated) {
        for (var entry : metric.properties()) {
            String field = entry.getKey();
            if (WRITABLE_FIELDS.contains(field) || tolerated.contains(field)) {
                continue;
            }
            if (isReadOnly(field)) {
                throw ApiError.invalid("Field '" + field + "' is read-only and cannot be set");
            }
            throw ApiError.invalid("Unknown field '" + field + "' in metric body");
        }

        JsonNode keyNode = metric.get("key");
        if (keyNode == null) {
            throw ApiError.invalid("key is required");
        }
        if (!keyNode.isTextual() || keyNode.asText().isBlank()) {
            throw ApiError.invalid("key must be a non-empty string");
        }
        if (!isValidKey(keyNode.asText())) {
            throw ApiError.invalid("key '" + keyNode.asText()
                    + "' is invalid: it must contain only letters, numbers, '.', '_' or '-' and start with a letter or number");
        }
        JsonNode kindNode = metric.get("kind");
        if (kindNode == null) {
            throw ApiError.invalid("kind is required");
        }
        String kind = oneOf(kindNode, "kind", KINDS);

        optionalString(metric, "name");
        optionalString(metric, "description");
        optionalString(metric, "maintainerId");
        optionalString(metric, "unit");
        optionalString(metric, "eventKey");
        optionalString(metric, "selector");
        if (metric.has("tags")) {
            checkStringArray(metric.get("tags"), "tags", TAG);
        }
        if (metric.has(RANDOMIZATION_UNITS)) {
            checkStringArray(metric.get(RANDOMIZATION_UNITS), RANDOMIZATION_UNITS, null);
        }
        JsonNode isNumericNode = metric.get("isNumeric");
        if (isNumericNode != null && !isNumericNode.isBoolean()) {
            throw ApiError.invalid("isNumeric must be a boolean");
        }
        if (metric.has("successCriteria")) {
            oneOf(metric.get("successCriteria"), "successCriteria", SUCCESS_CRITERIA);
        }
        if (metric.has("unitAggregationType")) {
            oneOf(metric.get("unitAggregationType"), "unitAggregationType", UNIT_AGGREGATION_TYPES);
        }
        String analysisType = metric.has("analysisType")
                ? oneOf(metric.get("analysisType"), "analysisType", ANALYSIS_TYPES)
                : null;
        JsonNode percentile = metric.get("percentileValue");
        if (percentile != null && (!percentile.isIntegralNumber() || !percentile.canConvertToInt()
                || percentile.intValue() < 0 || percentile.intValue() > 100)) {
            throw ApiError.invalid("percentileValue must be an integer between 0 and 100");
        }
        if ("percentile".equals(analysisType) && percentile == null) {
            throw ApiError.invalid("percentileValue is required when analysisType is percentile");
        }
        checkEventDefault(metric.get("eventDefault"));
        checkDataSource(metric.get("dataSource"));
        checkFilters(metric.get("filters"), kind);
        if (metric.has("urls")) {
            checkUrls(metric.get("urls"));
        }

        boolean numeric = isNumericNode != null && isNumericNode.booleanValue();
        switch (kind) {
            case "custom" -> {
                requireNonBlank(metric, "eventKey", "for custom metrics");
                if (isNumericNode == null) {
                    throw ApiError.invalid("isNumeric is required for custom metrics");
                }
                if (numeric) {
                    requireNonBlank(metric, "unit", "for numeric custom metrics");
                    if (!metric.has("successCriteria")) {
                        throw ApiError.invalid("successCriteria is required for numeric custom metrics");
                    }
                }
            }
            case "click" -> {
                requireNonBlank(metric, "selector", "for click metrics");
                requireUrls(metric, kind);
            }
            default -> requireUrls(metric, kind);
        }
        if (numeric && !kind.equals("custom")) {
            throw ApiError.invalid("isNumeric can only be true for custom metrics, not for " + kind + " metrics");
        }
    }

    private static String optionalString(ObjectNode metric, String field) {
        JsonNode value = metric.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.invalid(field + " must be a string");
        }
        return value.asText();
    }

    private static void requireNonBlank(ObjectNode metric, String field, String context) {
        String value = optionalString(metric, field);
        if (value == null || value.isBlank()) {
            throw ApiError.invalid(field + " is required " + context);
        }
    }

    private static String oneOf(JsonNode value, String field, List<String> allowed) {
        if (!value.isTextual() || !allowed.contains(value.asText())) {
            throw ApiError.invalid(field + " must be one of " + String.join(", ", allowed));
        }
        return value.asText();
    }

    private static void checkStringArray(JsonNode array, String field, Pattern shape) {
        if (!array.isArray()) {
            throw ApiError.invalid(field + " must be an array of strings");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual() || item.asText().isEmpty()) {
                throw ApiError.invalid(field + "[" + i + "] must be a non-empty string");
            }
            if (shape != null && !shape.matcher(item.asText()).matches()) {
                throw ApiError.invalid(field + "[" + i + "] '" + item.asText()
                        + "' is invalid: it must be at most 64 letters, numbers, '.', '_' or '-'");
            }
        }
    }

    private static void requireUrls(ObjectNode metric, String kind) {
        JsonNode urls = metric.get("urls");
        if (urls == null || urls.isEmpty()) {
            throw ApiError.invalid("urls is required for " + kind + " metrics and must contain at least one URL");
        }
    }

    private static void checkUrls(JsonNode urls) {
        if (!urls.isArray()) {
            throw ApiError.invalid("urls must be an array of URL objects");
        }
        for (int i = 0; i < urls.size(); i++) {
            String at = "urls[" + i + "]";
            JsonNode url = urls.get(i);
            if (!url.isObject()) {
                throw ApiError.invalid(at + " must be an object");
            }
            JsonNode kindNode = url.get("kind");
            if (kindNode == null) {
                throw ApiError.invalid(at + ".kind is required");
            }
            String kind = oneOf(kindNode, at + ".kind", URL_KINDS);
            String field = switch (kind) {
                case "substring" -> "substring";
                case "regex" -> "pattern";
                default -> "url";
            };
            JsonNode value = url.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw ApiError.invalid(at + "." + field + " is required when kind is " + kind);
            }
            if (kind.equals("regex")) {
                try {
                    Pattern.compile(value.asText());
                } catch (PatternSyntaxException e) {
                    throw ApiError.invalid(at + ".pattern is not a valid regular expression");
                }
            }
        }
    }

    private static void checkEventDefault(JsonNode eventDefault) {
        if (eventDefault == null) {
            return;
        }
        if (!eventDefault.isObject()) {
            throw ApiError.invalid("eventDefault must be an object");
        }
        for (var entry : eventDefault.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            switch (name) {
                case "disabled" -> {
                    if (!value.isBoolean()) {
                        throw ApiError.invalid("eventDefault.disabled must be a boolean");
                    }
                }
                case "value" -> {
                    if (!value.isNumber()) {
                        throw ApiError.invalid("eventDefault.value must be a number");
                    }
                }
                default -> throw ApiError.invalid("Unknown field 'eventDefault." + name + "' in metric body");
            }
        }
    }

    private static void checkDataSource(JsonNode dataSource) {
        if (dataSource == null) {
            return;
        }
        if (!dataSource.isObject()) {
            throw ApiError.invalid("dataSource must be an object");
        }
        JsonNode key = dataSource.get("key");
        if (key == null || !key.isTextual() || key.asText().isBlank()) {
            throw ApiError.invalid("dataSource.key is required");
        }
    }

    private static void checkFilters(JsonNode filters, String kind) {
        if (filters == null) {
            return;
        }
        if (!kind.equals("custom")) {
            throw ApiError.invalid("filters is only supported for custom metrics");
        }
        if (!filters.isObject()) {
            throw ApiError.invalid("filters must be an object");
        }
        JsonNode type = filters.get("type");
        if (type == null) {
            throw ApiError.invalid("filters.type is required");
        }
        oneOf(type, "filters.type", FILTER_TYPES);
        JsonNode op = filters.get("op");
        if (op == null || !op.isTextual()) {
            throw ApiError.invalid("filters.op is required");
        }
        JsonNode values = filters.get("values");
        if (values == null || !values.isArray()) {
            throw ApiError.invalid("filters.values is required and must be an array");
        }
        JsonNode negate = filters.get("negate");
        if (negate == null || !negate.isBoolean()) {
            throw ApiError.invalid("filters.negate is required and must be a boolean");
        }
    }
}
