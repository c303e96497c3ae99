package io.quarkiverse.launchdarkly.runtime.registration.api;

/**
 * The API access token and where it came from. {@link #toString()} leaves the token out, so an instance can be logged.
 *
 * @param token the token, or {@code null} when none is configured
 * @param source where the token came from, for messages ({@code quarkus.launchdarkly.api.token}, an environment
 *        variable, the local stand-in)
 */
record ApiCredentials(String token, String source) {

    static final String MISSING = "No LaunchDarkly API access token is configured. Set quarkus.launchdarkly.api.token,"
            + " or one of the environment variables LAUNCHDARKLY_API_TOKEN, LAUNCHDARKLY_API_KEY or LD_API_KEY, to an"
            + " access token with the writer role (LaunchDarkly: Organization settings > Authorization > Access tokens;"
            + " an SDK key does not work for the REST API)";

    static ApiCredentials none() {
        return new ApiCredentials(null, "nowhere");
    }

    boolean isPresent() {
        return token != null && !token.isBlank();
    }

    /** The token, or an {@link IllegalStateException} saying how to configure one. */
    String require() {
        if (!isPresent()) {
            throw new IllegalStateException(MISSING);
        }
        return token;
    }

    /** {@code text} with every occurrence of the token replaced, for messages built from what a server answered. */
    String redact(String text) {
        if (text == null || !isPresent() || token.length() < 6) {
            return text;
        }
        return text.replace(token, "<redacted>");
    }

    @Override
    public String toString() {
        return "ApiCredentials[token " + (isPresent() ? "from " + source : "missing") + "]";
    }
}
