package io.quarkiverse.launchdarkly.registration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.launchdarkly.runtime.registration.api.Link;

/**
 * A metric as LaunchDarkly answers it ("Get metric", "Create metric", "Update metric", the items of "List metrics"):
 * LaunchDarkly's {@code MetricRep} / {@code MetricListingRep}, reduced to the fields of {@link MetricPost} and the
 * read-only identity fields. Other fields of the answer are ignored. Field names are those of the wire.
 * <p>
 * The analysis units are read from {@code randomizationUnits} (API version {@code 20240415}) or from
 * {@code analysisUnits} (newer versions), whichever the answer has.
 *
 * @param id {@code _id}, LaunchDarkly's id of the metric
 * @param versionId {@code _versionId}, the id of this version of the metric
 * @param version {@code _version}, increased by every update
 * @param creationDate {@code _creationDate}, epoch milliseconds
 * @param links {@code _links}: {@code self}, {@code parent}
 * @param key the metric key
 * @param name the display name
 * @param description the description
 * @param kind {@code custom}, {@code pageview} or {@code click}
 * @param eventKey the event key of a custom metric
 * @param isNumeric whether a custom metric measures a value
 * @param unit the unit of a numeric metric
 * @param successCriteria {@code HigherThanBaseline} or {@code LowerThanBaseline}
 * @param unitAggregationType {@code average} or {@code sum}
 * @param analysisType {@code mean} or {@code percentile}
 * @param percentileValue the percentile of a {@code percentile} analysis
 * @param randomizationUnits the context kinds the metric can be analysed by
 * @param eventDefault what a unit that sent no event counts for
 * @param tags the tags
 * @param maintainerId the id of the member who maintains the metric
 * @param selector the CSS selector of a click metric
 * @param urls the target URLs of a pageview or click metric
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricRep(
        @JsonProperty("_id") String id,
        @JsonProperty("_versionId") String versionId,
        @JsonProperty("_version") Long version,
        @JsonProperty("_creationDate") Long creationDate,
        @JsonProperty("_links") Map<String, Link> links,
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
        @JsonProperty("randomizationUnits") @JsonAlias("analysisUnits") List<String> randomizationUnits,
        @JsonProperty("eventDefault") EventDefault eventDefault,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("maintainerId") String maintainerId,
        @JsonProperty("selector") String selector,
        @JsonProperty("urls") List<MetricUrl> urls) {

    public MetricRep {
        links = links == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(links));
        randomizationUnits = MetricPost.copy(randomizationUnits);
        tags = MetricPost.copy(tags);
        urls = MetricPost.copy(urls);
    }

    /** Whether the metric carries this tag. */
    public boolean hasTag(String tag) {
        return tags != null && tags.contains(tag);
    }

    /** The writable fields of this metric as a create body, for example to copy it or to compare it with a definition. */
    public MetricPost toPost() {
        return new MetricPost(key, name, description, kind, eventKey, isNumeric, unit, successCriteria,
                unitAggregationType, analysisType, percentileValue, randomizationUnits, eventDefault, tags, maintainerId,
                selector, urls);
    }
}
