package io.quarkiverse.launchdarkly.ai;

import java.util.Locale;

/**
 * What an AI Config is for, as {@code _ldMeta.mode} of the flag says. A flag without a mode is a completion config.
 * Asking for a config in one mode when the flag is in another gives a disabled config (see {@link LaunchDarklyAi}).
 */
public enum AiConfigMode {
    COMPLETION,
    AGENT,
    JUDGE;

    /** The lowercase name used in the flag JSON and in log messages. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
