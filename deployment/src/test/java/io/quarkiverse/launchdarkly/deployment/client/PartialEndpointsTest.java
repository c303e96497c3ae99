package io.quarkiverse.launchdarkly.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Setting only some service endpoints fails startup naming the set and the missing ones. */
class PartialEndpointsTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.launchdarkly.sdk-key", "sdk-partial-endpoints")
            .overrideConfigKey("quarkus.launchdarkly.service-endpoints.streaming", "https://stream.example.test")
            .assertException(StartupFailures.configurationError(message -> assertThat(message)
                    .contains("quarkus.launchdarkly.service-endpoints.streaming set but")
                    .contains(
                            "quarkus.launchdarkly.service-endpoints.polling, quarkus.launchdarkly.service-endpoints.events missing")));

    @Test
    void failsStartup() {
        throw new AssertionError("startup should have failed");
    }
}
