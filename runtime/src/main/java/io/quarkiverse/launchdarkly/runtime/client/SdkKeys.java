package io.quarkiverse.launchdarkly.runtime.client;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises values that cannot be a server-side SDK key, so that a mix-up (a mobile key, a client-side ID, an API
 * token, a pasted line with spaces) fails at startup with a useful message instead of a silent 401 from LaunchDarkly
 * later. Messages never contain the value.
 */
final class SdkKeys {

    private static final Pattern CLIENT_SIDE_ID = Pattern.compile("[0-9a-f]{24}");
    private static final Pattern ALLOWED = Pattern.compile("sdk-[A-Za-z0-9._-]+");

    private SdkKeys() {
    }

    /** Why the value is not a server-side SDK key, or empty when it can be one. */
    static Optional<String> problem(String value) {
        if (value.isBlank()) {
            return Optional.of("is blank");
        }
        if (value.startsWith("mob-")) {
            return Optional.of("is a mobile key; a server-side SDK key starts with 'sdk-'");
        }
        if (value.startsWith("api-")) {
            return Optional.of("is an API access token; a server-side SDK key starts with 'sdk-'"
                    + " (API tokens go in quarkus.launchdarkly.api.token)");
        }
        if (CLIENT_SIDE_ID.matcher(value).matches()) {
            return Optional.of("looks like a client-side ID; a server-side SDK key starts with 'sdk-'");
        }
        if (!value.startsWith("sdk-")) {
            return Optional.of("is malformed: a server-side SDK key starts with 'sdk-'");
        }
        if (!ALLOWED.matcher(value).matches()) {
            return Optional.of("is malformed: it contains white space or characters an SDK key never has");
        }
        return Optional.empty();
    }
}
