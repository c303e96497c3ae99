package io.quarkiverse.launchdarkly.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.quarkiverse.launchdarkly.standin.LaunchDarklyStandIn;
import io.quarkus.runtime.Application;

/**
 * Starts and stops the Quarkus application of this jar inside the current JVM (a JMH fork).
 * <p>
 * {@code io.quarkus.runner.ApplicationImpl} is the class the Quarkus build generated for this module: its static
 * initializer runs the static-init build steps, {@link Application#start} the runtime-init ones (CDI container, the
 * LaunchDarkly client). It is what {@code Quarkus.run} starts too, minus the blocking wait for exit, the signal
 * handlers and {@code System.exit}, none of which a benchmark wants.
 * <p>
 * Before it, a stand-in starts in the same JVM with the flags of {@code launchdarkly/flags.yaml}, as the Dev Service
 * would in dev mode, and {@code quarkus.launchdarkly.stand-in.url} points the application at it.
 */
final class QuarkusApp {

    private static final String GENERATED_APPLICATION = "io.quarkus.runner.ApplicationImpl";

    private QuarkusApp() {
    }

    private static LaunchDarklyStandIn standIn;

    static Application start() throws Exception {
        standIn = LaunchDarklyStandIn.builder().flagData(resource("launchdarkly/flags.yaml")).build().start();
        System.setProperty("quarkus.launchdarkly.stand-in.url", standIn.baseUri().toString());
        Class<?> type = Class.forName(GENERATED_APPLICATION, true, QuarkusApp.class.getClassLoader());
        Application application = (Application) type.getDeclaredConstructor().newInstance();
        application.start(new String[0]);
        return application;
    }

    /** The stand-in the application talks to. */
    static java.net.URI standInUri() {
        return standIn.baseUri();
    }

    static void stop(Application application) {
        if (application != null) {
            application.stop();
        }
        if (standIn != null) {
            standIn.stop();
        }
    }

    private static String resource(String name) {
        try (InputStream in = QuarkusApp.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
