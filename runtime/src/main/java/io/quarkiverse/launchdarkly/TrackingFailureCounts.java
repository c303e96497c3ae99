package io.quarkiverse.launchdarkly;

import java.util.Map;

/**
 * How many LaunchDarkly events the application's tracking did not send, by reason, since the application started.
 * Tracking never throws into the call it tracks; these counts are where its gaps show: in the Dev UI (by method), as
 * the Micrometer counter {@code launchdarkly.tracking.failures} tagged {@code reason}, and here, for a test that checks a
 * call was not tracked for the reason it expects.
 * <p>
 * Events that were sent but could not be delivered to LaunchDarkly are counted apart, by the event delivery
 * ({@code launchdarkly.events.dropped}).
 */
public interface TrackingFailureCounts {

    /** Why an event was not sent. */
    enum Reason {
        /** No context could be resolved for the call. */
        NO_CONTEXT,
        /** The value was null, NaN or infinite. */
        INVALID_VALUE,
        /** Tracking itself threw. */
        TRACKING_ERROR,
        /** A judge evaluation was not run: the background judges' queue was full, or they were shut down. */
        JUDGE_DROPPED,
        /** A judge ran but gave no score: its model failed or answered out of shape. */
        JUDGE_FAILED
    }

    /** How many events were not sent for this reason. */
    long count(Reason reason);

    /** Every reason with its count, zeros included. */
    Map<Reason, Long> counts();
}
