package io.quarkiverse.launchdarkly.runtime.events;

/** Why events did not reach LaunchDarkly. */
public enum LossCause {
    /**
     * Recorded while {@code quarkus.launchdarkly.events.capacity} events were already waiting for the next flush, or
     * for the hand-off to the SDK.
     */
    QUEUE_FULL("queue-full"),
    /** The payload did not fit in {@code quarkus.launchdarkly.events.spool-size}. */
    SPOOL_FULL("spool-full"),
    /** LaunchDarkly refused the payload with a 4xx answer that retrying cannot change. */
    REJECTED("rejected"),
    /** Delivery had stopped, because LaunchDarkly refused the SDK key (401 or 403). */
    DELIVERY_STOPPED("delivery-stopped"),
    /** Still undelivered when the shutdown drain ended, and no spool directory was configured (or writing failed). */
    SHUTDOWN("shutdown");

    private final String tag;

    LossCause(String tag) {
        this.tag = tag;
    }

    /** The name in health data, the Dev UI, the log and the {@code cause} tag of the meters. */
    public String tag() {
        return tag;
    }
}
