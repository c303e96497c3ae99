package io.quarkiverse.launchdarkly.deployment.events;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.path.json.JsonPath;

/**
 * Shutdown during an outage with a spool directory: what the bounded drain could not deliver is written there, and
 * the next start sends it, so nothing is lost. A live reload of dev mode is a real shutdown and start of the
 * application, while the Dev Service's stand-in (and its injected fault) lives on.
 */
class EventDeliverySpoolDirectoryTest {

    static final Path DIRECTORY = temporaryDirectory();
    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClass(SpoolProbe.class)
                    .addAsResource(new StringAsset(DeliveryTestSupport.FAST_RETRIES
                            + "quarkus.launchdarkly.events.flush-interval=1h\n"
                            + "quarkus.launchdarkly.shutdown-timeout=1s\n"
                            + "quarkus.launchdarkly.events.spool-directory=" + DIRECTORY.toString().replace('\\', '/')
                            + "\n"), "application.properties"));

    @Test
    void theNextStartDeliversWhatTheOutageHeldBack() {
        LocalLaunchDarkly local = LocalLaunchDarkly.connect(URI.create(get("/spool/stand-in").asString()), () -> {
        });
        local.reset();
        local.faults().inject(Fault.on("POST", "/bulk").status(503).always());

        given().queryParam("count", 50).post("/spool/track").then().statusCode(200);
        // 50 custom events and the index event of the new context wait for LaunchDarkly.
        await().atMost(WAIT).until(() -> counters().getLong("waiting") == 51);

        // A code change restarts the application: the shutdown writes what is left, the start reads it back.
        APP.modifySourceFile(SpoolProbe.class, source -> source.replace("code-v1", "code-v2"));
        assertThat(get("/spool/version").asString()).isEqualTo("code-v2");
        JsonPath restarted = counters();
        assertThat(restarted.getLong("restored")).isEqualTo(51);
        assertThat(files()).as("read files are deleted").isZero();
        assertThat(local.events().customEventCounts()).doesNotContainKey("spooled.event");

        local.faults().clear();
        local.events().awaitCustomEvents("spooled.event", 50, WAIT);
        await().atMost(WAIT).until(() -> counters().getLong("waiting") == 0);
        assertThat(local.events().customEventCounts().get("spooled.event")).isEqualTo(50);
        assertThat(counters().getLong("lost")).isZero();
        assertThat(counters().getLong("delivered")).isEqualTo(51);
    }

    private static JsonPath counters() {
        return get("/spool/counters").jsonPath();
    }

    private static long files() {
        try (Stream<Path> listing = Files.list(DIRECTORY)) {
            return listing.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("launchdarkly-spool");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
