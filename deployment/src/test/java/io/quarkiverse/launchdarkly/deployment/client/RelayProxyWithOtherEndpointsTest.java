package io.quarkiverse.launchdarkly.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A relay proxy cannot be combined with individual service endpoints. */
class RelayProxyWithOtherEndpointsTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.launchdarkly.sdk-key", "sdk-relay-and-events")
            .overrideConfigKey("quarkus.launchdarkly.service-endpoints.relay-proxy", "http://relay.example.test")
            .overrideConfigKey("quarkus.launchdarkly.service-endpoints.events", "http://events.example.test")
            .assertException(StartupFailures.configurationError(message -> assertThat(message)
                    .contains("quarkus.launchdarkly.service-endpoints.relay-proxy cannot be combined with"
                            + " quarkus.launchdarkly.service-endpoints.events")));

    @Test
    void failsStartup() {
        throw new AssertionError("startup should have failed");
    }
}
