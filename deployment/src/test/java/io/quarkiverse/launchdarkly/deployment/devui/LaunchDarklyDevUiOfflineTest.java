package io.quarkiverse.launchdarkly.deployment.devui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * The Dev UI back end of an application in dev mode with {@code quarkus.launchdarkly.offline=true}: no stand-in is
 * started, and the pages say that flags evaluate to their defaults and that no event is sent, instead of showing an
 * empty journal or claiming a test event was sent.
 */
class LaunchDarklyDevUiOfflineTest {

    static final int PORT = LaunchDarklyDevUiTest.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"
                    + "quarkus.launchdarkly.offline=true\n"), "application.properties"));

    static LaunchDarklyDevUiTest.DevUiJsonRpc rpc;

    @AfterAll
    static void disconnect() {
        if (rpc != null) {
            rpc.close();
        }
    }

    @Test
    void thePagesSayTheClientIsOffline() throws Exception {
        rpc = new LaunchDarklyDevUiTest.DevUiJsonRpc(URI.create("ws://localhost:" + PORT + "/q/dev-ui/json-rpc-ws"));

        JsonNode client = rpc.call("getClientInfo");
        assertThat(client.path("mode").asText()).isEqualTo("offline");
        assertThat(client.path("offline").asBoolean()).isTrue();
        assertThat(client.path("standIn").isNull() || client.path("standIn").isMissingNode())
                .as("no stand-in offline: %s", client).isTrue();
        LaunchDarklyDevUiTest.assertNoSecret(client);

        // The Events page shows its offline explanation when the view says so.
        JsonNode events = rpc.call("getEvents");
        assertThat(events.path("offline").asBoolean()).isTrue();
        assertThat(events.path("local").asBoolean()).isFalse();
        assertThat(events.path("standInRunning").asBoolean()).isFalse();
        assertThat(events.path("events")).isEmpty();
        int label = rpc.subscribe("streamEventsLabel");
        assertThat(rpc.nextMatching(label, l -> true, Duration.ofSeconds(10)).asText()).as("the card's Events label")
                .isEqualTo("offline");
        rpc.unsubscribe(label);

        String context = "{\"kind\": \"user\", \"key\": \"u1\"}";
        assertThat(rpc.call("sendTestEvent", Map.of("eventKey", "devui.offline", "contextJson", context, "value", ""))
                .asText()).isEqualTo(
                        "Not sent: the client is offline (quarkus.launchdarkly.offline=true), so the SDK drops every event");

        JsonNode flags = rpc.call("getFlags", Map.of("contextJson", context));
        assertThat(flags.path("local").asBoolean()).isFalse();
        assertThat(flags.path("flags")).isEmpty();
        assertThat(flags.path("problem").asText())
                .isEqualTo("The SDK has no flag data yet (offline, or not initialized): flags evaluate to their defaults");
        assertThat(rpc.call("setFlagValue", Map.of("flagKey", "greeting", "valueJson", "\"Hi\"", "contextJson", context))
                .path("problem").asText()).isEqualTo("Flags can be changed here in local mode only, for a flag key");
    }
}
