package io.quarkiverse.launchdarkly.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A mobile key given as SDK key fails startup naming the property, without showing the key. */
class MalformedKeyTest {
    static final String KEY = "mob-1234-secret-mobile-key";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.launchdarkly.sdk-key", KEY)
            .assertException(StartupFailures.configurationError(message -> assertThat(message)
                    .contains("quarkus.launchdarkly.sdk-key is a mobile key; a server-side SDK key starts with 'sdk-'")
                    .doesNotContain(KEY)));

    @Test
    void failsStartup() {
        throw new AssertionError("startup should have failed");
    }
}
