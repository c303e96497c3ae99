package io.quarkiverse.launchdarkly.it.docs;

// tag::imports[]
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;
import io.quarkiverse.launchdarkly.registration.MetricPost;
import io.quarkiverse.launchdarkly.registration.MetricRep;
import io.quarkiverse.launchdarkly.registration.PatchOperation;

// end::imports[]

/** The docs' example of the metrics REST client: the life cycle of two metrics, by hand. */
// tag::client[]
@ApplicationScoped
public class SearchMetrics {

    private final LaunchDarklyMetricsClient metrics;

    SearchMetrics(LaunchDarklyMetricsClient metrics) {
        this.metrics = metrics;
    }

    public List<MetricRep> createRenameAndDelete() {
        MetricRep created = metrics.create(MetricPost.conversion("search.clicked", "search.clicked")
                .tags("search").build());
        metrics.create(MetricPost.numeric("search.latency", "search.latency", "milliseconds", "LowerThanBaseline")
                .tags("search").build());
        Optional<MetricRep> found = metrics.get(created.key());
        List<MetricRep> searchMetrics = metrics.list("tags contains [\"search\"]"); // every page
        metrics.update("search.clicked", List.of(PatchOperation.replace("/name", "Search result clicked")));
        metrics.delete("search.latency");
        return found.isPresent() ? searchMetrics : List.of();
    }
}
// end::client[]
