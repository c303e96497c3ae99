package io.quarkiverse.launchdarkly.ai;

/**
 * Thrown by an {@link AiGeneration} method without a fallback when its AI Config is disabled for the caller, so the
 * model is not called. Map it to the answer your service gives when the feature is off (for example a 503 or a canned
 * reply).
 */
public class AiConfigDisabledException extends RuntimeException {

    /** Why the method did not run. */
    public enum Reason {
        /** The flag (or the default, for an unknown flag) disables the config, or its mode is not the method's. */
        DISABLED,
        /** No evaluation context could be resolved for the call, so the config could not be evaluated. */
        NO_CONTEXT,
        /** Evaluating the config failed, for example on a template that cannot be rendered (the log says why). */
        EVALUATION_FAILED
    }

    private final String configKey;
    private final Reason reason;

    public AiConfigDisabledException(String configKey, Reason reason, String method) {
        super(message(configKey, reason, method));
        this.configKey = configKey;
        this.reason = reason;
    }

    /**
     * For integrations whose advice differs from {@code @AiGeneration}'s (the LangChain4j AI services, for one): the
     * message is given whole.
     */
    public AiConfigDisabledException(String message, String configKey, Reason reason) {
        super(message);
        this.configKey = configKey;
        this.reason = reason;
    }

    private static String message(String configKey, Reason reason, String method) {
        return switch (reason) {
            case DISABLED -> "The AI Config '" + configKey + "' is disabled for this context, so " + method
                    + " was not run; declare a fallback in @AiGeneration to answer instead";
            case NO_CONTEXT -> "No LaunchDarkly context could be resolved for " + method + ", so the AI Config '"
                    + configKey + "' was not evaluated; add a @LaunchDarklyContext parameter or a ContextResolver bean";
            case EVALUATION_FAILED -> "The AI Config '" + configKey + "' could not be evaluated for " + method
                    + " (the log says why), so the method was not run";
        };
    }

    /** The AI Config key of the method. */
    public String configKey() {
        return configKey;
    }

    public Reason reason() {
        return reason;
    }
}
