package io.quarkiverse.launchdarkly.runtime.client;

/** Where the LaunchDarkly client gets its flags and sends its events. */
public enum ClientMode {
    /** LaunchDarkly itself (or a relay proxy / custom endpoints), with the configured SDK key. */
    REMOTE,
    /** A local LaunchDarkly stand-in (the Dev Service, or one named by {@code quarkus.launchdarkly.stand-in.url}). */
    LOCAL,
    /** No network: flags evaluate to their defaults and no event is sent. */
    OFFLINE
}
