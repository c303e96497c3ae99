package io.quarkiverse.launchdarkly.runtime.registration.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.launchdarkly.registration.MetricRep;

/**
 * One page of "List metrics": LaunchDarkly's {@code MetricCollectionRep}.
 *
 * @param items the metrics of this page
 * @param totalCount how many metrics match in all pages, when LaunchDarkly says
 * @param links {@code self}, {@code first}, {@code last}, and {@code next} / {@code prev} when there are such pages
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricPage(
        @JsonProperty("items") List<MetricRep> items,
        @JsonProperty("totalCount") Integer totalCount,
        @JsonProperty("_links") Map<String, Link> links) {

    public MetricPage {
        items = items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** Whether LaunchDarkly links a next page. */
    public boolean hasNextLink() {
        return links != null && links.get("next") != null && links.get("next").href() != null;
    }
}
