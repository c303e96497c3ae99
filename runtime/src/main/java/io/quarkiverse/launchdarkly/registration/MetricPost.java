package io.quarkiverse.launchdarkly.registration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of "Create metric" ({@code POST /api/v2/metrics/{projectKey}}): LaunchDarkly's {@code MetricPost}, with the
 * fields the extension uses. {@code null} means "not sent". Field names are those of the wire.
 * <p>
 * What LaunchDarkly requires: {@code key} and {@code kind} always; for {@code custom} metrics {@code eventKey} and
 * {@code isNumeric}; for numeric custom metrics also {@code unit} and {@code successCriteria}; {@code percentileValue}
 * when {@code analysisType} is {@code percentile}; {@code selector} and {@code urls} for {@code click} metrics;
 * {@code urls} for {@code pageview} metrics. This record does not check it; LaunchDarkly answers 400
 * ({@link InvalidRequestException}).
 * <p>
 * The analysis units are written as {@code randomizationUnits}, the name of API version {@code 20240415} (newer
 * versions call them {@code analysisUnits}).
 *
 * @param key the metric key (letters, digits, {@code .}, {@code _}, {@code -})
 * @param name the display name
 * @param description the description
 * @param kind {@code custom}, {@code pageview} or {@code click}
 * @param eventKey the event key a custom metric listens to
 * @param isNumeric whether a custom metric measures a value ({@code true}) or conversions ({@code false})
 * @param unit the unit of a numeric metric
 * @param successCriteria {@code HigherThanBaseline} or {@code LowerThanBaseline}
 * @param unitAggregationType {@code average} or {@code sum}
 * @param analysisType {@code mean} or {@code percentile}
 * @param percentileValue 0 to 100, for a {@code percentile} analysis
 * @param randomizationUnits the context kinds the metric can be analysed by
 * @param eventDefault what a unit that sent no event counts for
 * @param tags the tags
 * @param maintainerId the id of the member who maintains the metric
 * @param selector the CSS selector of a click metric
 * @param urls the target URLs of a pageview or click metric
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricPost(
        @JsonProperty("key") String key,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("kind") String kind,
        @JsonProperty("eventKey") String eventKey,
        @JsonProperty("isNumeric") Boolean isNumeric,
        @JsonProperty("unit") String unit,
        @JsonProperty("successCriteria") String successCriteria,
        @JsonProperty("unitAggregationType") String unitAggregationType,
        @JsonProperty("analysisType") String analysisType,
        @JsonProperty("percentileValue") Integer percentileValue,
        @JsonProperty("randomizationUnits") List<String> randomizationUnits,
        @JsonProperty("eventDefault") EventDefault eventDefault,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("maintainerId") String maintainerId,
        @JsonProperty("selector") String selector,
        @JsonProperty("urls") List<MetricUrl> urls) {

    /** The kind of a metric fed by events the application tracks. */
    public static final String KIND_CUSTOM = "custom";
    /** The kind of a metric fed by page views of a client-side SDK. */
    public static final String KIND_PAGEVIEW = "pageview";
    /** The kind of a metric fed by clicks of a client-side SDK. */
    public static final String KIND_CLICK = "click";

    public MetricPost {
        randomizationUnits = copy(randomizationUnits);
        tags = copy(tags);
        urls = copy(urls);
    }

    /** A builder of a metric with this key and kind. */
    public static Builder builder(String key, String kind) {
        return new Builder().key(key).kind(kind);
    }

    /** A custom conversion metric (binary or count): {@code isNumeric} is {@code false}. */
    public static Builder conversion(String key, String eventKey) {
        return builder(key, KIND_CUSTOM).eventKey(eventKey).isNumeric(false);
    }

    /** A custom numeric metric, with the unit and success criteria LaunchDarkly requires for one. */
    public static Builder numeric(String key, String eventKey, String unit, String successCriteria) {
        return builder(key, KIND_CUSTOM).eventKey(eventKey).isNumeric(true).unit(unit).successCriteria(successCriteria);
    }

    /** A builder with every field of this body, to change some. */
    public Builder toBuilder() {
        return new Builder().key(key).name(name).description(description).kind(kind).eventKey(eventKey)
                .isNumeric(isNumeric).unit(unit).successCriteria(successCriteria).unitAggregationType(unitAggregationType)
                .analysisType(analysisType).percentileValue(percentileValue).randomizationUnits(randomizationUnits)
                .eventDefault(eventDefault).tags(tags).maintainerId(maintainerId).selector(selector).urls(urls);
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Builds a {@link MetricPost}; every field left unset is not sent. */
    public static final class Builder {
        private String key;
        private String name;
        private String description;
        private String kind;
        private String eventKey;
        private Boolean isNumeric;
        private String unit;
        private String successCriteria;
        private String unitAggregationType;
        private String analysisType;
        private Integer percentileValue;
        private List<String> randomizationUnits;
        private EventDefault eventDefault;
        private List<String> tags;
        private String maintainerId;
        private String selector;
        private List<MetricUrl> urls;

        private Builder() {
        }

        public Builder key(String key) {
            this.key = key;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Builder eventKey(String eventKey) {
            this.eventKey = eventKey;
            return this;
        }

        public Builder isNumeric(Boolean isNumeric) {
            this.isNumeric = isNumeric;
            return this;
        }

        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        public Builder successCriteria(String successCriteria) {
            this.successCriteria = successCriteria;
            return this;
        }

        public Builder unitAggregationType(String unitAggregationType) {
            this.unitAggregationType = unitAggregationType;
            return this;
        }

        public Builder analysisType(String analysisType) {
            this.analysisType = analysisType;
            return this;
        }

        public Builder percentileValue(Integer percentileValue) {
            this.percentileValue = percentileValue;
            return this;
        }

        public Builder randomizationUnits(List<String> randomizationUnits) {
            this.randomizationUnits = randomizationUnits;
            return this;
        }

        public Builder randomizationUnits(String... randomizationUnits) {
            return randomizationUnits(Arrays.asList(randomizationUnits));
        }

        public Builder eventDefault(EventDefault eventDefault) {
            this.eventDefault = eventDefault;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder tags(String... tags) {
            return tags(Arrays.asList(tags));
        }

        public Builder maintainerId(String maintainerId) {
            this.maintainerId = maintainerId;
            return this;
        }

        public Builder selector(String selector) {
            this.selector = selector;
            return this;
        }

        public Builder urls(List<MetricUrl> urls) {
            this.urls = urls;
            return this;
        }

        public Builder urls(MetricUrl... urls) {
            return urls(Arrays.asList(urls));
        }

        /**
         * The body.
         *
         * @throws NullPointerException when the key or kind is missing
         */
        public MetricPost build() {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kind, "kind");
            return new MetricPost(key, name, description, kind, eventKey, isNumeric, unit, successCriteria,
                    unitAggregationType, analysisType, percentileValue, randomizationUnits, eventDefault, tags,
                    maintainerId, selector, urls);
        }
    }
}
