package io.quarkiverse.launchdarkly.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;

/** With the Dev Service off and no SDK key, a test application runs offline, and the test helper says why it cannot help. */
class DevServiceDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withEmptyApplication()
            .overrideConfigKey("quarkus.launchdarkly.devservices.enabled", "false");

    @Inject
    LDClient client;

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Test
    void noStandInAndAnOfflineClient() {
        assertThat(ConfigProvider.getConfig().getOptionalValue("quarkus.launchdarkly.stand-in.url", String.class)).isEmpty();
        assertThat(client.isOffline()).isTrue();
        assertThatThrownBy(launchDarkly::events).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.launchdarkly.stand-in.url is not set");
    }
}
