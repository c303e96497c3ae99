package io.quarkiverse.launchdarkly.runtime.registration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The LaunchDarkly metric definitions of the application. They are fixed at build time, where they are validated and
 * checked against the event keys the code tracks, and registered through the REST API at startup.
 */
@ConfigMapping(prefix = "quarkus.launchdarkly")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface MetricDefinitionsConfig {

    /**
     * Metric definitions, keyed by metric key.
     */
    @ConfigDocMapKey("metric-key")
    Map<String, MetricDefinition> metrics();

    /**
     * One metric definition. Only the fields set here are compared with LaunchDarkly and updated there.
     */
    interface MetricDefinition {

        /**
         * The display name. Defaults to the metric key.
         */
        Optional<String> name();

        /**
         * A description.
         */
        Optional<String> description();

        /**
         * The kind: {@code custom}, {@code pageview} or {@code click}.
         */
        @WithDefault("custom")
        String kind();

        /**
         * The event key a custom metric listens to: the key the code tracks. Defaults to the metric key.
         */
        Optional<String> eventKey();

        /**
         * Whether a custom metric measures a numeric value ({@code trackMetric}) rather than conversions.
         */
        @WithDefault("false")
        boolean numeric();

        /**
         * The unit of a numeric metric, for example {@code count}, {@code milliseconds}, {@code percent} or
         * {@code dollars}. Required for numeric metrics.
         */
        Optional<String> unit();

        /**
         * Which direction is better: {@code higher-than-baseline} or {@code lower-than-baseline}. Required for numeric
         * metrics.
         */
        Optional<String> successCriteria();

        /**
         * How the values of one unit (for example one user) are aggregated: {@code average} or {@code sum}.
         */
        Optional<String> unitAggregation();

        /**
         * The analysis: {@code mean} or {@code percentile}.
         */
        Optional<String> analysisType();

        /**
         * The percentile (a whole number from 0 to 100) of a {@code percentile} analysis.
         */
        Optional<Integer> percentileValue();

        /**
         * The context kinds the metric can be analysed by, for example {@code user}.
         */
        Optional<List<String>> randomizationUnits();

        /**
         * Whether a unit that sent no event is left out of the analysis ({@code true}) or counted with
         * {@code event-default-value}.
         */
        Optional<Boolean> eventDefaultDisabled();

        /**
         * The value counted for a unit that sent no event.
         */
        Optional<Double> eventDefaultValue();

        /**
         * Tags. The registration adds its managed tag.
         */
        Optional<List<String>> tags();

        /**
         * The id of the LaunchDarkly member who maintains the metric.
         */
        Optional<String> maintainerId();

        /**
         * The CSS selector of a {@code click} metric.
         */
        Optional<String> selector();

        /**
         * The page URLs of a {@code pageview} or {@code click} metric.
         */
        Optional<List<String>> urls();

        /**
         * How {@code urls} are matched: {@code exact}, {@code canonical}, {@code substring} or {@code regex}.
         */
        @WithDefault("exact")
        String urlMatch();
    }
}
