package io.quarkiverse.launchdarkly.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Every invalid runtime value fails startup in one message that names each property and says why, without the secrets:
 * the API and registration settings, a metric definition changed at runtime (definitions are fixed at build time), and
 * the project key the registration of the declared metrics needs when the client talks to LaunchDarkly.
 */
class InvalidRuntimeConfigurationTest {

    static final String SDK_KEY = "sdk-invalid-runtime-configuration-secret";
    static final String API_TOKEN = "api-invalid-runtime-configuration-secret";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            // Build time: a key (so no Dev Service, the client is remote) and one metric definition.
            .overrideConfigKey("quarkus.launchdarkly.sdk-key", SDK_KEY)
            .overrideConfigKey("quarkus.launchdarkly.metrics.\"checkout.completed\".name", "Checkout completed")
            .overrideRuntimeConfigKey("quarkus.launchdarkly.api.token", API_TOKEN)
            .overrideRuntimeConfigKey("quarkus.launchdarkly.api.project-key", "")
            .overrideRuntimeConfigKey("quarkus.launchdarkly.api.base-url", "app.launchdarkly.com")
            .overrideRuntimeConfigKey("quarkus.launchdarkly.api.request-timeout", "0s")
            .overrideRuntimeConfigKey("quarkus.launchdarkly.shutdown-timeout", "-1s")
            .overrideRuntimeConfigKey("quarkus.launchdarkly.registration.timeout", "-1s")
            .overrideRuntimeConfigKey("quarkus.launchdarkly.registration.max-retries", "-1")
            .overrideRuntimeConfigKey("quarkus.launchdarkly.registration.concurrency", "0")
            .overrideRuntimeConfigKey("quarkus.launchdarkly.metrics.\"checkout.completed\".kind", "teleport")
            .assertException(StartupFailures.configurationError(message -> assertThat(message)
                    .contains("quarkus.launchdarkly.api.project-key is required")
                    .contains("quarkus.launchdarkly.api.base-url 'app.launchdarkly.com' is not an absolute http(s) URL")
                    .contains("quarkus.launchdarkly.api.request-timeout must be positive, got PT0S")
                    .contains("quarkus.launchdarkly.shutdown-timeout cannot be negative, got PT-1S")
                    .contains("quarkus.launchdarkly.registration.timeout must be positive, got PT-1S")
                    .contains("quarkus.launchdarkly.registration.max-retries cannot be negative, got -1")
                    .contains("quarkus.launchdarkly.registration.concurrency must be at least 1, got 0")
                    .contains("quarkus.launchdarkly.metrics.\"checkout.completed\".kind is set to 'teleport' at runtime,"
                            + " but metric definitions are fixed at build time")
                    .doesNotContain(SDK_KEY)
                    .doesNotContain(API_TOKEN)));

    @Test
    void failsStartupNamingEveryProperty() {
        throw new AssertionError("startup should have failed");
    }
}
