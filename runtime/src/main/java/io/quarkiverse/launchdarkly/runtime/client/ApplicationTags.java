package io.quarkiverse.launchdarkly.runtime.client;

import java.util.Optional;

/**
 * Makes application ids and versions acceptable to the SDK, which silently drops a value with characters outside
 * {@code [A-Za-z0-9._-]} or longer than 64 characters. A Quarkus application name such as {@code "My Shop"} would
 * otherwise never reach LaunchDarkly.
 */
public final class ApplicationTags {

    static final int MAX_LENGTH = 64;

    private ApplicationTags() {
    }

    /** The value with every other character replaced by {@code -} and cut to 64 characters; empty when blank. */
    public static Optional<String> sanitize(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        StringBuilder result = new StringBuilder(Math.min(value.length(), MAX_LENGTH));
        String trimmed = value.strip();
        for (int i = 0; i < trimmed.length() && result.length() < MAX_LENGTH; i++) {
            char c = trimmed.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            result.append(allowed ? c : '-');
        }
        return Optional.of(result.toString());
    }
}
