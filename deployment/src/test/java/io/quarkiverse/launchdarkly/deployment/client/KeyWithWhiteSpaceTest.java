package io.quarkiverse.launchdarkly.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A key with white space fails startup naming the property, without showing the key. */
class KeyWithWhiteSpaceTest {
    static final String KEY = "sdk-abc def";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.launchdarkly.sdk-key", KEY)
            .assertException(StartupFailures.configurationError(message -> assertThat(message)
                    .contains("quarkus.launchdarkly.sdk-key is malformed: it contains white space")
                    .doesNotContain(KEY)));

    @Test
    void failsStartup() {
        throw new AssertionError("startup should have failed");
    }
}
