package io.quarkiverse.launchdarkly.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.function.Predicate;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * The LaunchDarkly pages of the Dev UI in a real browser, on the support desk demo in dev mode: the system's headless
 * Chromium, driven by Selenium through the system's chromedriver (nothing is downloaded). Each page must render its
 * own content, not be blank nor show an error; the demo's events, its AI chat's figures and charts must show up, and
 * a value served from the Flags page must be what the demo's greeting answers next. A screenshot of each page is saved
 * under {@code target/dev-ui-screenshots}.
 * <p>
 * Skipped when Chromium or chromedriver is missing, unless {@code LAUNCHDARKLY_BROWSER_TEST=required} (as
 * {@code .ci/run} sets it after installing them): then their absence fails the test.
 */
class DevUiBrowserTest {

    static final int PORT = freePort();
    static final String NAMESPACE = "quarkus-launchdarkly";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Paths.get("target", "dev-ui-screenshots");

    /** Finds an element through every shadow root of the page (the Dev UI nests web components). */
    static final String DEEP_QUERY = """
            const find = (root, selector) => {
                const direct = root.querySelector(selector);
                if (direct) { return direct; }
                for (const element of root.querySelectorAll('*')) {
                    if (element.shadowRoot) {
                        const inner = find(element.shadowRoot, selector);
                        if (inner) { return inner; }
                    }
                }
                return null;
            };
            """;

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
        boolean required = "required".equals(System.getenv("LAUNCHDARKLY_BROWSER_TEST"));
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (required) {
            assertThat(present).as("Chromium and chromedriver at %s and %s (.ci/run installs Debian's chromium and"
                    + " chromium-driver)", CHROMIUM, CHROMEDRIVER).isTrue();
        }
        Assumptions.assumeTrue(present, "no Chromium or chromedriver on this machine");
        Files.createDirectories(SCREENSHOTS);

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("devui-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().window().setSize(new Dimension(1400, 1000));
            post("/feedback", "{\"score\": 90, \"feedbackType\": \"chat\"}");
            post("/ai/chat", "{\"topic\": \"billing\", \"question\": \"Where is my ticket?\"}");

            // The tracked keys and the registration arrive by two JSON-RPC calls: wait for both.
            String tracked = page(browser, "tracked-metrics", "qwc-launchdarkly-tracked",
                    text -> text.contains("user.satisfaction") && text.contains("Dry run"));
            assertThat(tracked).contains("user.satisfaction").contains("business.conversion").contains("Dry run");

            String events = page(browser, "events", "qwc-launchdarkly-events", text -> text.contains("user.satisfaction"));
            assertThat(events).contains("user.satisfaction").contains("$ld:ai:generation:success");
            assertThat(hasCanvas(browser, "qwc-launchdarkly-events", "#events-chart"))
                    .as("the chart of events per key is drawn").isTrue();

            String ai = page(browser, "ai-generations", "qwc-launchdarkly-ai", text -> text.contains("relevance"));
            assertThat(ai).contains("support-desk.chat").contains("standard").contains("relevance");
            assertThat(hasCanvas(browser, "qwc-launchdarkly-ai", "#chart-duration"))
                    .as("the chart of durations over time is drawn").isTrue();
            browser.executeScript(DEEP_QUERY + """
                    find(document, 'qwc-launchdarkly-ai').shadowRoot.querySelector('.charts').scrollIntoView();
                    """);
            screenshot(browser, "ai-charts");

            String client = page(browser, "client", "qwc-launchdarkly-client", text -> text.contains("local"));
            assertThat(client).contains("local");

            String flags = page(browser, "flags", "qwc-launchdarkly-flags", text -> text.contains("support-desk.greeting"));
            assertThat(flags).contains("support-desk.greeting").contains("\"Hello from the support desk\"")
                    .contains("support-desk.priority-routing").contains("support-desk.chat");
            assertThat(get("/greeting")).isEqualTo("Hello from the support desk");
            // Serve another value of the greeting from the page: the demo answers it at once, without a restart.
            browser.executeScript(DEEP_QUERY + """
                    const page = find(document, 'qwc-launchdarkly-flags');
                    const input = page.shadowRoot.getElementById('value-support-desk.greeting');
                    input.value = '"Bonjour from the Dev UI"';
                    [...input.parentElement.querySelectorAll('button')]
                        .find(b => b.textContent.trim() === 'Serve this value').click();
                    """);
            String greeting = awaitText(() -> get("/greeting"), "Bonjour from the Dev UI"::equals);
            assertThat(greeting).as("the greeting the demo serves after the page served it")
                    .isEqualTo("Bonjour from the Dev UI");
            String changed = awaitText(() -> componentText(browser, "qwc-launchdarkly-flags"),
                    text -> text.contains("Serve the flags file again"));
            assertThat(changed).contains("Serve the flags file again");
            screenshot(browser, "flags-served");
        } finally {
            browser.quit();
        }
    }

    /** Opens a page, waits until its component shows what {@code ready} expects, checks it, saves a screenshot. */
    private static String page(ChromeDriver browser, String pageId, String component, Predicate<String> ready)
            throws Exception {
        browser.get("http://localhost:" + PORT + "/q/dev-ui/" + NAMESPACE + "/" + pageId);
        String text = awaitText(() -> componentText(browser, component), ready);
        assertThat(text).as("the text of the %s page", pageId).isNotBlank().doesNotContain("undefined")
                .doesNotContain("[object Object]").doesNotContain("NaN");
        assertThat(ready.test(text)).as("the %s page shows what the application did: %s", pageId, text).isTrue();
        screenshot(browser, pageId);
        return text;
    }

    /** Whether the chart in the component's element drew its canvas (echarts draws one per chart). */
    private static boolean hasCanvas(ChromeDriver browser, String component, String chart) throws Exception {
        String found = awaitText(() -> String.valueOf(((JavascriptExecutor) browser).executeScript(DEEP_QUERY + """
                const element = find(document, arguments[0]);
                const chart = element && element.shadowRoot ? element.shadowRoot.querySelector(arguments[1]) : null;
                return chart !== null && chart.querySelector('canvas') !== null;
                """, component, chart)), "true"::equals);
        return "true".equals(found);
    }

    private static String componentText(ChromeDriver browser, String component) {
        Object text = ((JavascriptExecutor) browser).executeScript(DEEP_QUERY + """
                const element = find(document, arguments[0]);
                return element && element.shadowRoot ? element.shadowRoot.textContent : '';
                """, component);
        return text == null ? "" : text.toString().replaceAll("\\s+", " ").trim();
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        // Dev UI's own notifications (in a test application it cannot list the project's extensions) are not the page.
        browser.executeScript("document.querySelectorAll('vaadin-notification-container, vaadin-notification-card')"
                + ".forEach(n => n.remove());");
        Files.write(SCREENSHOTS.resolve("dev-ui-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(
                OutputType.BYTES));
    }

    private interface Read {
        String get() throws Exception;
    }

    private static String awaitText(Read read, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String text = read.get();
        while (!ready.test(text) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            text = read.get();
        }
        return text;
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).timeout(WAIT)
                        .header("X-Customer", "acme-42").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    /** A demo request of the customer acme-42, on the pro plan. */
    private static void post(String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).timeout(WAIT)
                        .header("X-Customer", "acme-42").header("X-Customer-Tier", "pro")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 299);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
