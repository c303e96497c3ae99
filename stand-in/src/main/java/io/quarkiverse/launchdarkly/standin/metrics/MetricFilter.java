package io.quarkiverse.launchdarkly.standin.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code filter} query parameter of "List metrics": a comma-separated list of {@code field operator value}
 * clauses, all of which must match.
 * <p>
 * Semantics follow the OpenAPI description of the endpoint: {@code tags contains ["a","b"]} matches metrics that have
 * <em>all</em> listed tags; {@code query equals x} is a case-insensitive substring search over key and name;
 * {@code maintainerIds anyOf [...]} matches any listed maintainer. Fields about things the stand-in does not model
 * (experiments, guarded rollouts, teams) answer as for a project where nothing uses any metric: {@code hasConnections
 * equals false} and {@code metricUsedIn equals none} match everything, the other values nothing. An unknown field or
 * an operator the field does not support answers 400, as a client mistake should be visible in tests.
 */
final class MetricFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Predicate<ObjectNode>> clauses;

    private MetricFilter(List<Predicate<ObjectNode>> clauses) {
        this.clauses = clauses;
    }

    static MetricFilter parse(String filter) {
        List<Predicate<ObjectNode>> clauses = new ArrayList<>();
        if (filter != null && !filter.isBlank()) {
            for (String clause : splitClauses(filter)) {
                clauses.add(clause(clause.trim()));
            }
        }
        return new MetricFilter(clauses);
    }

    boolean matches(ObjectNode metric) {
        return clauses.stream().allMatch(clause -> clause.test(metric));
    }

    private static Predicate<ObjectNode> clause(String clause) {
        String[] parts = clause.split("\\s+", 3);
        if (parts.length < 3 || parts[2].isBlank()) {
            throw ApiError.invalid("filter clause '" + clause + "' must have the form 'field operator value'");
        }
        String field = parts[0];
        String operator = parts[1];
        List<String> values = values(parts[2].trim());
        return switch (field) {
            case "tags" -> {
                operator(field, operator, "contains");
                yield metric -> values.stream().allMatch(tag -> contains(metric.get("tags"), tag));
            }
            case "eventKind" -> {
                operator(field, operator, "equals");
                yield metric -> values.contains(text(metric, "kind"));
            }
            case "isNumeric" -> {
                operator(field, operator, "equals");
                boolean wanted = bool(field, values);
                yield metric -> metric.path("isNumeric").asBoolean(false) == wanted;
            }
            case "unitAggregationType" -> {
                operator(field, operator, "equals");
                yield metric -> values.contains(text(metric, "unitAggregationType"));
            }
            case "query" -> {
                operator(field, operator, "equals");
                yield metric -> values.stream().map(value -> value.toLowerCase(Locale.ROOT))
                        .anyMatch(value -> lower(text(metric, "key")).contains(value)
                                || lower(text(metric, "name")).contains(value));
            }
            case "maintainerIds" -> {
                operator(field, operator, "anyOf");
                yield metric -> values.contains(text(metric, "maintainerId"));
            }
            case "eventKeys" -> {
                operator(field, operator, "anyOf", "equals");
                yield metric -> values.contains(text(metric, "eventKey"));
            }
            case "dataSourceKeys" -> {
                operator(field, operator, "anyOf", "equals");
                yield metric -> values.contains(metric.path("dataSource").path("key").asText(null));
            }
            case "versionIds" -> {
                operator(field, operator, "anyOf", "equals");
                yield metric -> values.contains(text(metric, "_versionId"));
            }
            case "hasConnections" -> {
                operator(field, operator, "equals");
                boolean wanted = bool(field, values);
                yield metric -> !wanted;
            }
            case "metricUsedIn" -> {
                operator(field, operator, "equals");
                String where = single(field, values);
                if (!List.of("experiments", "guarded_rollouts", "any", "none").contains(where)) {
                    throw ApiError
                            .invalid("filter field 'metricUsedIn' must be one of experiments, guarded_rollouts, any, none");
                }
                yield metric -> where.equals("none");
            }
            case "maintainerTeamKey" -> {
                operator(field, operator, "equals");
                // The stand-in has no teams, so no metric is maintained by one.
                yield metric -> false;
            }
            default -> throw ApiError.invalid("filter field '" + field + "' is not supported; supported fields: "
                    + "tags, eventKind, isNumeric, unitAggregationType, query, maintainerIds, maintainerTeamKey, "
                    + "hasConnections, metricUsedIn, eventKeys, dataSourceKeys, versionIds");
        };
    }

    private static void operator(String field, String operator, String... supported) {
        if (!List.of(supported).contains(operator)) {
            throw ApiError.invalid("filter field '" + field + "' supports only the operator(s) " + String.join(", ", supported)
                    + ", not '" + operator + "'");
        }
    }

    private static boolean bool(String field, List<String> values) {
        String value = single(field, values);
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiError.invalid("filter field '" + field + "' must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static String single(String field, List<String> values) {
        if (values.size() != 1) {
            throw ApiError.invalid("filter field '" + field + "' takes exactly one value");
        }
        return values.get(0);
    }

    /** A value is a JSON array, a JSON string, or a bare word; arrays that are not valid JSON are split leniently. */
    private static List<String> values(String raw) {
        if (raw.startsWith("[") || raw.startsWith("\"")) {
            try {
                JsonNode node = JSON.readTree(raw);
                List<String> values = new ArrayList<>();
                if (node.isArray()) {
                    node.forEach(item -> values.add(item.asText()));
                } else {
                    values.add(node.asText());
                }
                return values;
            } catch (JsonProcessingException e) {
                if (!raw.startsWith("[") || !raw.endsWith("]")) {
                    throw ApiError.invalid("filter value " + raw + " is not a valid string or list");
                }
                List<String> values = new ArrayList<>();
                for (String item : raw.substring(1, raw.length() - 1).split(",")) {
                    String trimmed = item.trim();
                    if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                        trimmed = trimmed.substring(1, trimmed.length() - 1);
                    }
                    if (!trimmed.isEmpty()) {
                        values.add(trimmed);
                    }
                }
                return values;
            }
        }
        // A mutable list: List.of(...).contains(null) would throw for metrics without the field.
        return new ArrayList<>(List.of(raw));
    }

    /** Splits on commas that are outside brackets and quotes, since list values contain commas too. */
    private static List<String> splitClauses(String filter) {
        List<String> clauses = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                clauses.add(filter.substring(start, i));
                start = i + 1;
            }
        }
        clauses.add(filter.substring(start));
        clauses.removeIf(String::isBlank);
        return clauses;
    }

    private static boolean contains(JsonNode array, String value) {
        if (array == null || !array.isArray()) {
            return false;
        }
        for (JsonNode item : array) {
            if (item.isTextual() && item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String text(ObjectNode metric, String field) {
        JsonNode value = metric.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
