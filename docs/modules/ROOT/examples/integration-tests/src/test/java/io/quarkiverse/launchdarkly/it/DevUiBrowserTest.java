package io.quarkiverse.launchdarkly.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * The LaunchDarkly pages of the Dev UI in a real browser ({@link DevUiBrowser}), on the support desk demo in dev mode.
 * Each page must render its own content, not be blank nor show an error; the demo's events, its AI chat's figures and
 * charts must show up, and a value served from the Flags page must be what the demo's greeting answers next.
 */
class DevUiBrowserTest {

    static final int PORT = DevUiBrowser.freePort();

    /** The demo as it is built: its classes (not the tests'), its flags and its configuration, on a free port. */
    @RegisterExtension
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(root -> {
                Path classes = Paths.get("target", "classes");
                try (var files = Files.walk(classes)) {
                    files.filter(file -> file.toString().endsWith(".class")).forEach(file -> root.addAsResource(
                            file.toFile(), classes.relativize(file).toString().replace('\\', '/')));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                try {
                    root.addAsResource(new StringAsset(Files.readString(Paths.get("src/main/resources/application.properties"))
                            + "\nquarkus.http.port=" + PORT + "\nquarkus.launchdarkly.events.flush-interval=1s\n"),
                            "application.properties");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                root.addAsResource(Paths.get("src/main/resources/launchdarkly/flags.yaml").toFile(),
                        "launchdarkly/flags.yaml");
            });

    @Test
    void everyPageRendersWhatTheApplicationDidAndTheFlagsPageChangesAFlag() throws Exception {
        try (DevUiBrowser browser = DevUiBrowser.open(PORT, "")) {
            post("/feedback", "{\"score\": 90, \"feedbackType\": \"chat\"}");
            post("/ai/chat", "{\"topic\": \"billing\", \"question\": \"Where is my ticket?\"}");

            // The tracked keys and the registration arrive by two JSON-RPC calls: wait for both.
            String tracked = browser.page("tracked-metrics", "qwc-launchdarkly-tracked",
                    text -> text.contains("user.satisfaction") && text.contains("Dry run"));
            assertThat(tracked).contains("user.satisfaction").contains("business.conversion").contains("Dry run");

            String events = browser.page("events", "qwc-launchdarkly-events", text -> text.contains("user.satisfaction"));
            assertThat(events).contains("user.satisfaction").contains("$ld:ai:generation:success");
            assertThat(browser.hasCanvas("qwc-launchdarkly-events", "#events-chart"))
                    .as("the chart of events per key is drawn").isTrue();

            String ai = browser.page("ai-generations", "qwc-launchdarkly-ai", text -> text.contains("relevance"));
            assertThat(ai).contains("support-desk.chat").contains("standard").contains("relevance");
            assertThat(browser.hasCanvas("qwc-launchdarkly-ai", "#chart-duration"))
                    .as("the chart of durations over time is drawn").isTrue();
            browser.run("""
                    find(document, 'qwc-launchdarkly-ai').shadowRoot.querySelector('.charts').scrollIntoView();
                    """);
            browser.screenshot("ai-charts");

            String client = browser.page("client", "qwc-launchdarkly-client", text -> text.contains("local"));
            assertThat(client).contains("local");

            String flags = browser.page("flags", "qwc-launchdarkly-flags", text -> text.contains("support-desk.greeting"));
            assertThat(flags).contains("support-desk.greeting").contains("\"Hello from the support desk\"")
                    .contains("support-desk.priority-routing").contains("support-desk.chat");
            assertThat(get("/greeting")).isEqualTo("Hello from the support desk");
            // Serve another value of the greeting from the page: the demo answers it at once, without a restart.
            browser.run("""
                    const page = find(document, 'qwc-launchdarkly-flags');
                    const input = page.shadowRoot.getElementById('value-support-desk.greeting');
                    input.value = '"Bonjour from the Dev UI"';
                    [...input.parentElement.querySelectorAll('button')]
                        .find(b => b.textContent.trim() === 'Serve this value').click();
                    """);
            String greeting = DevUiBrowser.awaitText(() -> get("/greeting"), "Bonjour from the Dev UI"::equals);
            assertThat(greeting).as("the greeting the demo serves after the page served it")
                    .isEqualTo("Bonjour from the Dev UI");
            String changed = DevUiBrowser.awaitText(() -> browser.componentText("qwc-launchdarkly-flags"),
                    text -> text.contains("Serve the flags file again"));
            assertThat(changed).contains("Serve the flags file again");
            browser.screenshot("flags-served");
        }
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).timeout(DevUiBrowser.WAIT)
                        .header("X-Customer", "acme-42").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    /** A demo request of the customer acme-42, on the pro plan. */
    private static void post(String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).timeout(DevUiBrowser.WAIT)
                        .header("X-Customer", "acme-42").header("X-Customer-Tier", "pro")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 299);
    }
}
