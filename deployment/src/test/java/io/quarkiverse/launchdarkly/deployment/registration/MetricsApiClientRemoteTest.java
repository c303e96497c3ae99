package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;
import io.quarkiverse.launchdarkly.registration.MetricPost;
import io.quarkiverse.launchdarkly.registration.MetricRep;
import io.quarkiverse.launchdarkly.standin.LaunchDarklyStandIn;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Outside local mode (here offline: no SDK connection) the client talks to {@code quarkus.launchdarkly.api.base-url}
 * with {@code quarkus.launchdarkly.api.token} and {@code quarkus.launchdarkly.api.project-key}: a stand-in started
 * outside the application plays LaunchDarkly.
 */
class MetricsApiClientRemoteTest {

    static final String[] OUTSIDE = Outside.start();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root.addClass(Outside.class))
            .overrideConfigKey("quarkus.launchdarkly.offline", "true")
            .overrideRuntimeConfigKey("quarkus.launchdarkly.api.base-url", OUTSIDE[0])
            .overrideRuntimeConfigKey("quarkus.launchdarkly.api.token", OUTSIDE[1])
            .overrideRuntimeConfigKey("quarkus.launchdarkly.api.project-key", "remote-project")
            .setAfterUndeployListener(Outside::stop);

    @Inject
    LaunchDarklyMetricsClient client;

    @Test
    void callsGoToTheConfiguredBaseUrlWithTheConfiguredTokenAndProject() throws Exception {
        assertThat(client.projectKey()).isEqualTo("remote-project");

        MetricRep created = client.create(MetricPost.conversion("remote.signup", "remote.signup").build());

        assertThat(created.key()).isEqualTo("remote.signup");
        assertThat(client.get("remote.signup")).isPresent();
        assertThat(client.list()).extracting(MetricRep::key).containsExactly("remote.signup");
        // Offline, the Dev Service starts no stand-in; the outside one has the metric.
        assertThat(ConfigProvider.getConfig().getOptionalValue("quarkus.launchdarkly.stand-in.url", String.class))
                .isEmpty();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(OUTSIDE[0] + "/api/v2/metrics/remote-project/remote.signup"))
                        .header("Authorization", OUTSIDE[1]).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metric = new ObjectMapper().readTree(response.body());
        assertThat(metric.path("_id").asText()).isEqualTo(created.id());
        assertThat(client.toString()).contains(OUTSIDE[0]).doesNotContain(OUTSIDE[1]);
    }

    /**
     * A stand-in outside the application. The test class is loaded twice (by JUnit and by the application), so the
     * first copy starts it and publishes its base URI and writer token in system properties for the second.
     */
    static final class Outside {

        static final String URI_PROPERTY = "quarkus-launchdarkly.test.metrics-api-remote.uri";
        static final String TOKEN_PROPERTY = "quarkus-launchdarkly.test.metrics-api-remote.token";
        static LaunchDarklyStandIn started;

        static synchronized String[] start() {
            if (System.getProperty(URI_PROPERTY) == null) {
                started = LaunchDarklyStandIn.builder().build().start();
                System.setProperty(URI_PROPERTY, started.baseUri().toString());
                System.setProperty(TOKEN_PROPERTY, started.writerApiToken());
            }
            return new String[] { System.getProperty(URI_PROPERTY), System.getProperty(TOKEN_PROPERTY) };
        }

        static synchronized void stop() {
            if (started != null) {
                started.stop();
                started = null;
                System.clearProperty(URI_PROPERTY);
                System.clearProperty(TOKEN_PROPERTY);
            }
        }
    }
}
