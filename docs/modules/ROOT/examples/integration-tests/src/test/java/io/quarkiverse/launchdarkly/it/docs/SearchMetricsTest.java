package io.quarkiverse.launchdarkly.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.launchdarkly.registration.MetricRep;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedApiCall;
import io.quarkus.test.junit.QuarkusTest;

/** The metric registration page's example of the REST client, against the stand-in's metrics API. */
@QuarkusTest
class SearchMetricsTest {

    @Inject
    SearchMetrics searchMetrics;

    @Inject
    LocalLaunchDarkly launchDarkly;

    @BeforeEach
    void forgetPreviousTests() {
        launchDarkly.reset();
    }

    @Test
    void createsListsRenamesAndDeletes() {
        assertThat(searchMetrics.createRenameAndDelete()).extracting(MetricRep::key)
                .containsExactlyInAnyOrder("search.clicked", "search.latency");

        assertThat(launchDarkly.metricsApi().metric("default", "search.clicked").orElseThrow().get("name").stringValue())
                .isEqualTo("Search result clicked");
        assertThat(launchDarkly.metricsApi().metric("default", "search.latency")).isEmpty();
        assertThat(launchDarkly.metricsApi().calls()).extracting(RecordedApiCall::method)
                .containsExactly("POST", "POST", "GET", "GET", "PATCH", "DELETE");
    }
}
