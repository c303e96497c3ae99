package io.quarkiverse.launchdarkly.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import io.quarkus.runtime.configuration.ConfigurationException;

/** Reads the configuration error out of a failed startup, whatever wraps it. */
final class StartupFailures {

    private StartupFailures() {
    }

    /** Asserts the startup failed with a configuration error, and hands its message to the caller's assertions. */
    static Consumer<Throwable> configurationError(Consumer<String> message) {
        return thrown -> {
            Throwable cause = thrown;
            while (cause != null && !(cause instanceof ConfigurationException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("a ConfigurationException in the cause chain of %s", thrown).isNotNull();
            message.accept(cause.getMessage());
        };
    }
}
