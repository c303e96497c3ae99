package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.runtime.registration.StartupMetricRegistration;
import io.quarkus.test.QuarkusDevModeTest;
import io.vertx.ext.web.Router;

/**
 * A dev-mode reload stops the background registration of the application it replaces: here the registration keeps
 * failing (the stand-in refuses the configured token), so its background thread keeps retrying, and after the reload
 * only the new application's thread is alive.
 */
class MetricRegistrationDevModeReloadTest {

    static final int PORT = freePort();
    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClass(Ping.class).addAsResource(new StringAsset("""
                    quarkus.http.port=%d
                    quarkus.launchdarkly.metrics."checkout.completed".name=Checkout completed
                    quarkus.launchdarkly.api.token=not-the-stand-in-token
                    quarkus.launchdarkly.registration.max-retries=0
                    quarkus.launchdarkly.registration.retry-backoff=1s
                    quarkus.launchdarkly.registration.retry-max-backoff=1s
                    """.formatted(PORT)), "application.properties"));

    @ApplicationScoped
    public static class Ping {
        void routes(@Observes Router router) {
            router.get("/ping").handler(rc -> rc.response().end("pong"));
        }
    }

    @Test
    void aReloadLeavesOnlyTheNewApplicationsRegistrationThread() throws Exception {
        assertThat(get("/ping")).isEqualTo("pong");
        Thread before = awaitOneRegistrationThread();

        APP.modifyResourceFile("application.properties", text -> text + "\n# a change that reloads the application\n");
        assertThat(get("/ping")).isEqualTo("pong"); // the first request after a change reloads

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (before.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(before.isAlive()).as("the replaced application's registration thread is alive").isFalse();
        Thread after = awaitOneRegistrationThread();
        assertThat(after).isNotSameAs(before);
    }

    private static Thread awaitOneRegistrationThread() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Thread> alive = registrationThreads();
        while (alive.size() != 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            alive = registrationThreads();
        }
        assertThat(alive).as("alive background registration threads").hasSize(1);
        return alive.get(0);
    }

    private static List<Thread> registrationThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(StartupMetricRegistration.THREAD_NAME) && thread.isAlive())
                .toList();
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
