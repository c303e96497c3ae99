package io.quarkiverse.launchdarkly.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Every configuration mistake is reported in the one startup failure. */
class SeveralMistakesAtOnceTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideRuntimeConfigKey("quarkus.launchdarkly.events.capacity", "-5")
            .overrideConfigKey("quarkus.launchdarkly.offline", "true")
            .overrideConfigKey("quarkus.launchdarkly.stand-in.url", "http://127.0.0.1:1")
            .assertException(StartupFailures.configurationError(message -> assertThat(message)
                    .contains("quarkus.launchdarkly.events.capacity must be at least 1, got -5")
                    .contains("quarkus.launchdarkly.offline=true and quarkus.launchdarkly.stand-in.url are both set")));

    @Test
    void failsStartup() {
        throw new AssertionError("startup should have failed");
    }
}
