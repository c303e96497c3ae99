package io.quarkiverse.launchdarkly.deployment.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.quarkiverse.launchdarkly.runtime.registration.MetricDefinitionsConfig.MetricDefinition;

/**
 * Checks metric definitions against what LaunchDarkly's API accepts, so a mistake fails the build naming the property
 * rather than a 400 at startup. Every mistake of every definition is collected.
 */
final class MetricDefinitionValidator {

    static final Set<String> KINDS = Set.of("custom", "pageview", "click");
    static final Set<String> SUCCESS_CRITERIA = Set.of("higher-than-baseline", "lower-than-baseline");
    static final Set<String> UNIT_AGGREGATIONS = Set.of("average", "sum");
    static final Set<String> ANALYSIS_TYPES = Set.of("mean", "percentile");
    static final Set<String> URL_MATCHES = Set.of("exact", "canonical", "substring", "regex");
    /** Keys and tags as LaunchDarkly accepts them. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private MetricDefinitionValidator() {
    }

    /** The property name of a field of a definition, as the user writes it. */
    static String property(String metricKey, String field) {
        return "quarkus.launchdarkly.metrics.\"" + metricKey + "\"." + field;
    }

    static List<String> validate(Map<String, MetricDefinition> definitions) {
        List<String> errors = new ArrayList<>();
        definitions.keySet().stream().sorted().forEach(key -> validate(key, definitions.get(key), errors));
        return errors;
    }

    private static void validate(String key, MetricDefinition definition, List<String> errors) {
        if (!KEY.matcher(key).matches()) {
            errors.add("quarkus.launchdarkly.metrics.\"" + key + "\": the metric key must start with a letter or digit"
                    + " and contain only letters, digits, '.', '_' and '-'");
        }
        oneOf(key, "kind", Optional.of(definition.kind()), KINDS, errors);
        oneOf(key, "success-criteria", definition.successCriteria(), SUCCESS_CRITERIA, errors);
        oneOf(key, "unit-aggregation", definition.unitAggregation(), UNIT_AGGREGATIONS, errors);
        oneOf(key, "analysis-type", definition.analysisType(), ANALYSIS_TYPES, errors);
        oneOf(key, "url-match", Optional.of(definition.urlMatch()), URL_MATCHES, errors);

        boolean custom = "custom".equals(definition.kind());
        if (definition.numeric()) {
            if (!custom) {
                errors.add(property(key, "numeric") + ": only custom metrics can be numeric, this one is a "
                        + definition.kind() + " metric");
            }
            if (definition.unit().filter(u -> !u.isBlank()).isEmpty()) {
                errors.add(property(key, "unit") + " is required for a numeric metric (for example count, milliseconds,"
                        + " percent or dollars)");
            }
            if (definition.successCriteria().isEmpty()) {
                errors.add(property(key, "success-criteria") + " is required for a numeric metric"
                        + " (higher-than-baseline or lower-than-baseline)");
            }
        }
        if (definition.analysisType().filter("percentile"::equals).isPresent() && definition.percentileValue().isEmpty()) {
            errors.add(property(key, "percentile-value") + " is required when analysis-type is percentile");
        }
        definition.percentileValue().filter(p -> p < 0 || p > 100).ifPresent(
                p -> errors.add(property(key, "percentile-value") + " must be between 0 and 100, got " + p));
        if ("click".equals(definition.kind()) && definition.selector().filter(s -> !s.isBlank()).isEmpty()) {
            errors.add(property(key, "selector") + " is required for a click metric (the CSS selector of the element)");
        }
        boolean page = KINDS.contains(definition.kind()) && !custom;
        if (page && definition.urls().filter(u -> !u.isEmpty()).isEmpty()) {
            errors.add(property(key, "urls") + " is required for a " + definition.kind() + " metric");
        }
        if (custom && definition.urls().isPresent()) {
            errors.add(property(key, "urls") + " only applies to pageview and click metrics");
        }
        definition.eventKey().filter(String::isBlank)
                .ifPresent(k -> errors.add(property(key, "event-key") + " is blank"));
        definition.tags().ifPresent(tags -> tags.stream().filter(tag -> !KEY.matcher(tag).matches()).forEach(
                tag -> errors.add(property(key, "tags") + ": tag '" + tag + "' must start with a letter or digit and"
                        + " contain only letters, digits, '.', '_' and '-'")));
    }

    private static void oneOf(String key, String field, Optional<String> value, Set<String> allowed, List<String> errors) {
        value.filter(v -> !allowed.contains(v)).ifPresent(v -> errors.add(property(key, field) + ": unknown value '" + v
                + "', expected one of " + allowed.stream().sorted().toList()));
    }
}
