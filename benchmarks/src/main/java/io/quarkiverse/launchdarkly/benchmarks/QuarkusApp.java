package io.quarkiverse.launchdarkly.benchmarks;

import io.quarkus.runtime.Application;

/**
 * Starts and stops the Quarkus application of this jar inside the current JVM (a JMH fork).
 * <p>
 * {@code io.quarkus.runner.ApplicationImpl} is the class the Quarkus build generated for this module: its static
 * initializer runs the static-init build steps, {@link Application#start} the runtime-init ones (CDI container, the
 * LaunchDarkly client and its local stand-in). It is what {@code Quarkus.run} starts too, minus the blocking wait for
 * exit, the signal handlers and {@code System.exit}, none of which a benchmark wants.
 */
final class QuarkusApp {

    private static final String GENERATED_APPLICATION = "io.quarkus.runner.ApplicationImpl";

    private QuarkusApp() {
    }

    static Application start() throws Exception {
        Class<?> type = Class.forName(GENERATED_APPLICATION, true, QuarkusApp.class.getClassLoader());
        Application application = (Application) type.getDeclaredConstructor().newInstance();
        application.start(new String[0]);
        return application;
    }

    static void stop(Application application) {
        if (application != null) {
            application.stop();
        }
    }
}
