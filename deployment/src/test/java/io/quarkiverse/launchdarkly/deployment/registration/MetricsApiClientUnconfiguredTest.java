package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;
import io.quarkiverse.launchdarkly.registration.MetricPost;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Outside local mode with no token and no project key the application starts (it may not use the API); each call then
 * says what to set.
 */
class MetricsApiClientUnconfiguredTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withEmptyApplication()
            .overrideConfigKey("quarkus.launchdarkly.offline", "true")
            // Nothing listens there: a call that got that far would fail differently.
            .overrideRuntimeConfigKey("quarkus.launchdarkly.api.base-url", "http://127.0.0.1:9");

    @Inject
    LaunchDarklyMetricsClient client;

    @Test
    void aMissingProjectKeyNamesTheProperty() {
        assertThat(client.hasProjectKey()).isFalse();
        assertThatThrownBy(() -> client.projectKey()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.launchdarkly.api.project-key");
        assertThatThrownBy(() -> client.list()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.launchdarkly.api.project-key");
        assertThatThrownBy(() -> client.create(MetricPost.conversion("a", "a").build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("quarkus.launchdarkly.api.project-key");
    }

    @Test
    void aMissingTokenNamesThePropertyAndTheEnvironmentVariables() {
        assumeTrue(Stream.of("LAUNCHDARKLY_API_TOKEN", "LAUNCHDARKLY_API_KEY", "LD_API_KEY")
                .allMatch(name -> System.getenv(name) == null || System.getenv(name).isBlank()),
                "an API token is set in the environment");
        assertThat(client.hasToken()).isFalse();
        assertThatThrownBy(() -> client.list("some-project", null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.launchdarkly.api.token").hasMessageContaining("LAUNCHDARKLY_API_TOKEN")
                .hasMessageContaining("LAUNCHDARKLY_API_KEY").hasMessageContaining("LD_API_KEY");
        assertThatThrownBy(() -> client.get("some-project", "metric")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.launchdarkly.api.token");
    }
}
