package io.quarkiverse.launchdarkly.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;

/**
 * The runner jar on its own, as someone outside Quarkus or a CI job runs it: {@code java -jar} with a flags file and a
 * port, then the real SDK evaluates a flag from it and delivers an event.
 */
class StandInJarIT {

    static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @TempDir
    Path dir;

    @Test
    void theJarServesAFlagToTheSdk() throws Exception {
        Path flags = dir.resolve("flags.yaml");
        Files.writeString(flags, "flagValues:\n  checkout.one-click: true\n");
        Path jar = Path.of(System.getProperty("stand-in.runner-jar"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--flags", flags.toString(),
                "--port", "0").redirectErrorStream(true).start();
        try {
            URI baseUri = baseUri(process);
            try (LDClient client = new LDClient(LaunchDarklyStandIn.DEFAULT_SDK_KEY, new LDConfig.Builder()
                    .serviceEndpoints(Components.serviceEndpoints().relayProxy(baseUri))
                    .diagnosticOptOut(true).startWait(Duration.ofSeconds(10)).build())) {
                assertThat(client.isInitialized()).isTrue();
                assertThat(client.boolVariation("checkout.one-click", LDContext.create("ci-user"), false)).isTrue();
                client.track("checkout.completed", LDContext.create("ci-user"));
                client.flush();
                assertThat(awaitEvent(baseUri, "checkout.completed")).contains("\"ci-user\"");
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the stand-in stops on SIGTERM").isTrue();
        }
    }

    /** The base URI the jar prints when it listens. */
    private static URI baseUri(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = output.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> output.lines().forEach(l -> {
                }));
                drain.setDaemon(true);
                drain.start();
                return URI.create(matcher.group(1));
            }
        }
        throw new AssertionError("The stand-in jar ended without listening:\n" + seen);
    }

    private static String awaitEvent(URI baseUri, String key) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> journal = http.send(HttpRequest.newBuilder(
                baseUri.resolve("/_local/events?kind=custom&key=" + key + "&wait=10000&seen=0")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(journal.statusCode()).isEqualTo(200);
        return journal.body();
    }
}
