package io.quarkiverse.launchdarkly.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * The LaunchDarkly pages of the Dev UI in a real browser ({@link DevUiBrowser}) for an application in dev mode with
 * {@code quarkus.launchdarkly.offline=true}: no stand-in runs, and each page says what offline means instead of an
 * empty journal, a blank page or a claim that something was sent.
 */
class DevUiOfflineBrowserTest {

    static final int PORT = DevUiBrowser.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"
                    + "quarkus.launchdarkly.offline=true\n"), "application.properties"));

    @Test
    void thePagesSayTheClientIsOffline() throws Exception {
        try (DevUiBrowser browser = DevUiBrowser.open(PORT, "offline-")) {
            String events = browser.page("events", "qwc-launchdarkly-events",
                    text -> text.contains("The client is offline"));
            assertThat(events).contains("nothing is sent").contains("quarkus.launchdarkly.offline=true")
                    .doesNotContain("The local LaunchDarkly stand-in is off");

            String client = browser.page("client", "qwc-launchdarkly-client", text -> text.contains("offline"));
            assertThat(client).contains("no connection: flags evaluate to their defaults and no event is sent");

            String flags = browser.page("flags", "qwc-launchdarkly-flags", text -> text.contains("no flag data"));
            assertThat(flags).contains("The SDK has no flag data yet (offline, or not initialized)");
        }
    }
}
