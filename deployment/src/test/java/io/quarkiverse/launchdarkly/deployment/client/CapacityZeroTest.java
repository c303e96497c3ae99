package io.quarkiverse.launchdarkly.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** An event capacity below 1 fails startup naming the property. */
class CapacityZeroTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideRuntimeConfigKey("quarkus.launchdarkly.events.capacity", "0")
            .assertException(StartupFailures.configurationError(message -> assertThat(message)
                    .contains("quarkus.launchdarkly.events.capacity must be at least 1, got 0")));

    @Test
    void failsStartup() {
        throw new AssertionError("startup should have failed");
    }
}
