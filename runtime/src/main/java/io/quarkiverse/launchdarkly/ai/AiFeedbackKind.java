package io.quarkiverse.launchdarkly.ai;

/** A user's verdict on a generation, sent as {@code $ld:ai:feedback:user:positive} or {@code :negative}. */
public enum AiFeedbackKind {
    POSITIVE(AiConfigTracker.FEEDBACK_POSITIVE),
    NEGATIVE(AiConfigTracker.FEEDBACK_NEGATIVE);

    private final String eventKey;

    AiFeedbackKind(String eventKey) {
        this.eventKey = eventKey;
    }

    /** The event key that records this feedback. */
    public String eventKey() {
        return eventKey;
    }
}
