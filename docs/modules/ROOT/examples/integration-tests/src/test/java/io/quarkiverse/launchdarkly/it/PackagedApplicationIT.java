package io.quarkiverse.launchdarkly.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The demo as it is packaged for production: its class path holds no class of the local stand-in, and with an SDK key
 * it starts with no Dev Service. Run by failsafe after {@code quarkus:build}.
 */
class PackagedApplicationIT {

    static final Path APP = Path.of("target", "quarkus-app");
    static final Pattern LISTENING = Pattern.compile("Listening on: (http://\\S+)");

    @Test
    void theClassPathHasNoStandIn() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path jar : files.filter(path -> path.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream().filter(entry -> standIn(zip, entry)).forEach(entry -> found.add(jar.getFileName()
                            + "!" + entry.getName()));
                }
            }
        }
        assertThat(found).as("stand-in classes, or classes of ours using the JDK HTTP server").isEmpty();
    }

    /** A stand-in class, or a class of the extension that uses the JDK HTTP server the stand-in runs on. */
    private static boolean standIn(ZipFile zip, ZipEntry entry) {
        String name = entry.getName();
        if (name.startsWith("io/quarkiverse/launchdarkly/standin/")) {
            return true;
        }
        if (!name.startsWith("io/quarkiverse/launchdarkly/") || !name.endsWith(".class")) {
            return false;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("com/sun/net/httpserver");
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + name, e);
        }
    }

    @Test
    void withAKeyItStartsWithoutDevService() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Dquarkus.http.port=0",
                "-jar", APP.resolve("quarkus-run.jar").toString()).redirectErrorStream(true);
        builder.environment().put("LAUNCHDARKLY_SDK_KEY", "sdk-packaged-application-test");
        // Nothing answers there: the client starts without flag data, which is all this test needs.
        builder.environment().put("QUARKUS_LAUNCHDARKLY_SERVICE_ENDPOINTS_RELAY_PROXY", "http://127.0.0.1:1");
        builder.environment().put("QUARKUS_LAUNCHDARKLY_START_WAIT", "0s");
        builder.environment().put("QUARKUS_LAUNCHDARKLY_REGISTRATION_ENABLED", "false");
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try {
            URI base = listening(process, output);
            HttpResponse<String> live = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/q/health/live")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(output).doesNotContain("Dev Services").doesNotContain("local mode")
                    .doesNotContain("sdk-packaged-application-test");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static URI listening(Process process, StringBuilder output) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            output.append(line).append('\n');
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(rest -> {
                }));
                drain.setDaemon(true);
                drain.start();
                return URI.create(matcher.group(1).replace("0.0.0.0", "127.0.0.1"));
            }
        }
        throw new AssertionError("The packaged application stopped before listening:\n" + output);
    }
}
