package io.quarkiverse.launchdarkly.deployment.devui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.launchdarkly.standin.LaunchDarklyStandIn;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The Dev UI back end of an application in dev mode with an SDK key and a relay proxy: remote mode, as against a
 * LaunchDarkly environment. A stand-in outside the application plays the relay proxy, so the pages show what the SDK
 * received over its stream: the Flags page evaluates for the page's context (the SDK keeps the rules to itself) and
 * refuses changes, and a test event reaches the relay.
 */
class LaunchDarklyDevUiRemoteTest {

    static final int PORT = LaunchDarklyDevUiTest.freePort();
    static final String SDK_KEY = "sdk-devui-remote-test";
    static final LaunchDarklyStandIn RELAY = LaunchDarklyStandIn.builder().sdkKey(SDK_KEY).flagData("""
            flagValues:
              remote.greeting: "Hello from the relay"
            flags:
              remote.beta:
                on: true
                variations: [true, false]
                offVariation: 1
                fallthrough: { variation: 1 }
                targets:
                  - values: ["beta-user"]
                    variation: 0
            """).build().start();

    @RegisterExtension
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"
                    + "quarkus.launchdarkly.sdk-key=" + SDK_KEY + "\n"
                    + "quarkus.launchdarkly.service-endpoints.relay-proxy=" + RELAY.baseUri() + "\n"
                    + "quarkus.launchdarkly.events.diagnostic-opt-out=true\n"), "application.properties"));

    static LaunchDarklyDevUiTest.DevUiJsonRpc rpc;

    @AfterAll
    static void stop() {
        if (rpc != null) {
            rpc.close();
        }
        RELAY.stop();
    }

    @Test
    void thePagesShowWhatTheSdkReceivedFromTheRelay() throws Exception {
        rpc = new LaunchDarklyDevUiTest.DevUiJsonRpc(URI.create("ws://localhost:" + PORT + "/q/dev-ui/json-rpc-ws"));

        JsonNode client = rpc.call("getClientInfo");
        assertThat(client.path("mode").asText()).isEqualTo("remote");
        assertThat(client.path("keyConfiguredBy").asText()).isEqualTo("quarkus.launchdarkly.sdk-key");
        assertThat(client.path("endpoints").path("relayProxy").asText()).isEqualTo(RELAY.baseUri().toString());
        assertThat(client.hasNonNull("standIn")).as("no stand-in in remote mode: %s", client).isFalse();
        assertThat(client.toString()).doesNotContain(SDK_KEY);
        LaunchDarklyDevUiTest.assertNoSecret(client);

        String beta = "{\"kind\": \"user\", \"key\": \"beta-user\"}";
        String other = "{\"kind\": \"user\", \"key\": \"someone-else\"}";
        JsonNode flags = flagsOnceReceived(beta);
        assertThat(flags.path("local").asBoolean()).isFalse();
        assertThat(flags.path("flags")).extracting(row -> row.path("key").asText() + "=" + row.path("value").asText())
                .containsExactly("remote.beta=true", "remote.greeting=\"Hello from the relay\"");
        assertThat(flags.path("flags").get(0).path("variations")).isEmpty();
        assertThat(rpc.call("getFlags", Map.of("contextJson", other)).path("flags").get(0).path("value").asText())
                .as("evaluated for the page's context").isEqualTo("false");

        JsonNode evaluation = rpc.call("evaluate", Map.of("flagKey", "remote.beta", "contextJson", beta));
        assertThat(evaluation.path("value").asText()).isEqualTo("true");
        assertThat(evaluation.path("variation").asInt()).isEqualTo(0);
        assertThat(evaluation.path("reason").asText()).contains("TARGET_MATCH");

        JsonNode refused = rpc.call("setFlagValue", Map.of("flagKey", "remote.beta", "valueJson", "false",
                "contextJson", beta));
        assertThat(refused.path("problem").asText()).isEqualTo("Flags can be changed here in local mode only, for a flag key");
        assertThat(refused.path("flags").get(0).path("value").asText()).as("nothing changed").isEqualTo("true");
        assertThat(rpc.call("serveVariation", Map.of("flagKey", "remote.beta", "variation", 1, "contextJson", beta))
                .path("problem").asText()).isEqualTo("Flags can be changed here in local mode only, for a flag key");

        JsonNode events = rpc.call("getEvents");
        assertThat(events.path("local").asBoolean()).isFalse();
        assertThat(events.path("offline").asBoolean()).isFalse();
        assertThat(events.path("events")).isEmpty();
        int label = rpc.subscribe("streamEventsLabel");
        assertThat(rpc.nextMatching(label, l -> true, Duration.ofSeconds(10)).asText()).as("the card's Events label")
                .isEqualTo("remote");
        rpc.unsubscribe(label);

        assertThat(rpc.call("sendTestEvent", Map.of("eventKey", "devui.remote", "contextJson", beta, "value", "2.5"))
                .asText()).isEqualTo("Sent devui.remote = 2.5 for beta-user");
        List<RecordedEvent> received = LocalLaunchDarkly.connect(RELAY.baseUri(), () -> {
        }).events().awaitCustomEvents("devui.remote", 1, Duration.ofSeconds(10));
        assertThat(received.get(0).json().get("metricValue").doubleValue()).isEqualTo(2.5);
        assertThat(received.get(0).json().get("context").get("key").stringValue()).isEqualTo("beta-user");
    }

    /** The Flags page once the SDK's stream delivered the relay's data (dev mode starts the client in the background). */
    private static JsonNode flagsOnceReceived(String context) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode flags = rpc.call("getFlags", Map.of("contextJson", context));
        while (flags.hasNonNull("problem") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            flags = rpc.call("getFlags", Map.of("contextJson", context));
        }
        assertThat(flags.hasNonNull("problem")).as("flags: %s", flags).isFalse();
        return flags;
    }
}
