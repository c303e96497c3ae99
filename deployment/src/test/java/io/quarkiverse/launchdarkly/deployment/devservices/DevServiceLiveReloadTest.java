package io.quarkiverse.launchdarkly.deployment.devservices;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * In dev mode the Dev Service's stand-in lives outside the application: a live reload keeps its port and what it
 * received, and an edit of the flags file is served without restarting the application.
 */
class DevServiceLiveReloadTest {

    @RegisterExtension
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClass(ReloadProbe.class)
                    .addAsResource(new StringAsset(
                            "quarkus.launchdarkly.events.flush-interval=1h\n"),
                            "application.properties")
                    .addAsResource(new StringAsset("flagValues:\n  banner: \"blue\"\n"), "launchdarkly/flags.yaml"));

    @Test
    void theStandInOutlivesAReloadAndServesAnEditedFlagsFileAtOnce() {
        URI standIn = URI.create(get("/probe/stand-in").asString());
        LocalLaunchDarkly launchDarkly = LocalLaunchDarkly.connect(standIn, () -> {
        });
        post("/probe/track").then().statusCode(200);
        assertThat(launchDarkly.events().awaitCustomEvent("reload.probe").contextKey()).isEqualTo("reload-user");

        // A change of the code: the application is reloaded, the stand-in is not.
        String before = get("/probe/instance").asString();
        APP.modifySourceFile(ReloadProbe.class, source -> source.replace("code-v1", "code-v2"));
        assertThat(get("/probe/version").asString()).isEqualTo("code-v2");
        assertThat(get("/probe/instance").asString()).as("the application restarted").isNotEqualTo(before);
        assertThat(get("/probe/stand-in").asString()).as("same stand-in, same port").isEqualTo(standIn.toString());
        assertThat(launchDarkly.events().customEvents("reload.probe")).as("the journal kept the event").hasSize(1);

        // An edit of the flags file: served by the stand-in over the SDK's stream, the application keeps running.
        String running = get("/probe/instance").asString();
        assertThat(get("/probe/flag").asString()).isEqualTo("blue");
        APP.modifyResourceFile("launchdarkly/flags.yaml", flags -> flags.replace("blue", "green"));
        awaitValue(() -> get("/probe/flag").asString(), "green");
        assertThat(get("/probe/instance").asString()).as("no restart for a flags edit").isEqualTo(running);
    }

    private static void awaitValue(Supplier<String> value, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String seen = value.get();
        while (!expected.equals(seen) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = value.get();
        }
        assertThat(seen).isEqualTo(expected);
    }
}
