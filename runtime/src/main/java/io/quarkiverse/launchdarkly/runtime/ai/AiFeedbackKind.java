package io.quarkiverse.launchdarkly.runtime.ai;

/** A user's verdict on a generation, sent as {@code $ld:ai:feedback:user:positive} or {@code :negative}. */
public enum AiFeedbackKind {
    POSITIVE("$ld:ai:feedback:user:positive"),
    NEGATIVE("$ld:ai:feedback:user:negative");

    private final String eventKey;

    AiFeedbackKind(String eventKey) {
        this.eventKey = eventKey;
    }

    String eventKey() {
        return eventKey;
    }
}
