package io.quarkiverse.launchdarkly.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.deployment.testing.BuildFailure;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/** Dev Service settings that cannot work fail the build, every one named in one message. */
class DevServiceSettingsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withEmptyApplication()
            .overrideConfigKey("quarkus.launchdarkly.devservices.port", "70000")
            .overrideConfigKey("quarkus.launchdarkly.devservices.journal-capacity", "0")
            .assertException(failure -> assertThat(BuildFailure.find(failure, ConfigurationException.class,
                    message -> message.contains("Dev Service"))).isNotNull().extracting(Throwable::getMessage).asString()
                    .contains("quarkus.launchdarkly.devservices.port must be between 0 and 65535, got 70000")
                    .contains("quarkus.launchdarkly.devservices.journal-capacity must be at least 1, got 0"));

    @Test
    void failsTheBuild() {
        throw new AssertionError("the build should have failed");
    }
}
