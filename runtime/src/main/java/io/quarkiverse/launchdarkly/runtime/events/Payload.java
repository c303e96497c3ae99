package io.quarkiverse.launchdarkly.runtime.events;

import java.net.URI;

/**
 * One payload as the SDK made it, with the id it keeps across every attempt (LaunchDarkly de-duplicates by it).
 *
 * @param id the {@code X-LaunchDarkly-Payload-ID}, null for a diagnostic payload
 * @param body the JSON the SDK serialised
 * @param events how many events the SDK put in it (0 for a diagnostic payload)
 * @param eventsBaseUri where to post it; the path is added
 */
record Payload(String id, byte[] body, int events, URI eventsBaseUri) {

    boolean diagnostic() {
        return id == null;
    }
}
