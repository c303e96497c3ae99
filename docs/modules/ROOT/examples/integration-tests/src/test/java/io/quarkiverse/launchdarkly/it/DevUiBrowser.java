package io.quarkiverse.launchdarkly.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The LaunchDarkly pages of the Dev UI of an application in dev mode, in the system's headless Chromium, driven by
 * Selenium through the system's chromedriver (nothing is downloaded). A screenshot of each page opened is saved under
 * {@code target/dev-ui-screenshots}.
 * <p>
 * A test is skipped when Chromium or chromedriver is missing, unless {@code LAUNCHDARKLY_BROWSER_TEST=required} (as
 * {@code .ci/run} sets it after installing them): then their absence fails it.
 */
final class DevUiBrowser implements AutoCloseable {

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

    private final int port;
    private final String screenshotPrefix;
    private final ChromeDriver driver;

    private DevUiBrowser(int port, String screenshotPrefix, ChromeDriver driver) {
        this.port = port;
        this.screenshotPrefix = screenshotPrefix;
        this.driver = driver;
    }

    /**
     * Starts the browser for the application on this port, or skips the test when there is none and none is required.
     * Screenshots are named {@code dev-ui-<prefix><page>.png}.
     */
    static DevUiBrowser open(int port, String screenshotPrefix) throws IOException {
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
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 1000));
        return new DevUiBrowser(port, screenshotPrefix, driver);
    }

    /**
     * Opens a page, waits until its component shows what {@code ready} expects, checks that it rendered (no
     * {@code undefined}, {@code [object Object]} or {@code NaN}), saves a screenshot and returns the component's text.
     */
    String page(String pageId, String component, Predicate<String> ready) throws Exception {
        driver.get("http://localhost:" + port + "/q/dev-ui/" + NAMESPACE + "/" + pageId);
        String text = awaitText(() -> componentText(component), ready);
        assertThat(text).as("the text of the %s page", pageId).isNotBlank().doesNotContain("undefined")
                .doesNotContain("[object Object]").doesNotContain("NaN");
        assertThat(ready.test(text)).as("the %s page shows what the application did: %s", pageId, text).isTrue();
        screenshot(pageId);
        return text;
    }

    /** Whether the chart in the component's element drew its canvas (echarts draws one per chart). */
    boolean hasCanvas(String component, String chart) throws Exception {
        String found = awaitText(() -> String.valueOf(driver.executeScript(DEEP_QUERY + """
                const element = find(document, arguments[0]);
                const chart = element && element.shadowRoot ? element.shadowRoot.querySelector(arguments[1]) : null;
                return chart !== null && chart.querySelector('canvas') !== null;
                """, component, chart)), "true"::equals);
        return "true".equals(found);
    }

    /** Runs a script in the page, after {@link #DEEP_QUERY}, so that it can {@code find(document, selector)}. */
    Object run(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(DEEP_QUERY + script, arguments);
    }

    String componentText(String component) {
        Object text = run("""
                const element = find(document, arguments[0]);
                return element && element.shadowRoot ? element.shadowRoot.textContent : '';
                """, component);
        return text == null ? "" : text.toString().replaceAll("\\s+", " ").trim();
    }

    void screenshot(String name) throws IOException {
        // Dev UI's own notifications (in a test application it cannot list the project's extensions) are not the page.
        driver.executeScript("document.querySelectorAll('vaadin-notification-container, vaadin-notification-card')"
                + ".forEach(n => n.remove());");
        Files.write(SCREENSHOTS.resolve("dev-ui-" + screenshotPrefix + name + ".png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }

    interface Read {
        String get() throws Exception;
    }

    /** Reads until {@code ready} accepts the text or {@link #WAIT} has passed; returns the last text read. */
    static String awaitText(Read read, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String text = read.get();
        while (!ready.test(text) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            text = read.get();
        }
        return text;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
