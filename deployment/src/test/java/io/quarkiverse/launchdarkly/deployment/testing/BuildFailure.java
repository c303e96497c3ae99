package io.quarkiverse.launchdarkly.deployment.testing;

import java.util.function.Predicate;

/**
 * Finds the problem an extension reported in what a failed Quarkus build threw: Quarkus wraps it in its own
 * exceptions, as a cause or, when several build steps failed, as a suppressed exception.
 */
public final class BuildFailure {

    private BuildFailure() {
    }

    /** The first exception of the type, along causes and first suppressed exceptions, whose message matches; or null. */
    public static <T extends Throwable> T find(Throwable thrown, Class<T> type, Predicate<String> message) {
        Throwable cause = thrown;
        while (cause != null && !(type.isInstance(cause) && cause.getMessage() != null
                && message.test(cause.getMessage()))) {
            cause = cause.getCause() != null ? cause.getCause()
                    : cause.getSuppressed().length > 0 ? cause.getSuppressed()[0] : null;
        }
        return type.cast(cause);
    }
}
