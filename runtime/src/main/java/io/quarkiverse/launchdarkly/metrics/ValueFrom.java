package io.quarkiverse.launchdarkly.metrics;

/** Where the numeric value of a tracked event comes from. */
public enum ValueFrom {
    /** The {@link MetricValue} parameter when the method has one, else {@link #NONE}. */
    DEFAULT,
    /** No value: a conversion event ({@code LDClient.trackData}). */
    NONE,
    /** The {@link MetricValue} parameter. */
    PARAMETER,
    /**
     * The returned number. For a {@code CompletionStage} or {@code Uni}, the item; for a {@code Multi}, the number of
     * items emitted.
     */
    RESULT,
    /**
     * The elapsed time in milliseconds: of the call, until a {@code CompletionStage} completes, or from subscription to
     * termination for a {@code Uni} or {@code Multi}.
     */
    DURATION,
    /** {@code 1.0} when the method succeeds, {@code 0.0} when it fails; sent in both cases unless told otherwise. */
    OUTCOME,
    /** The constant {@link TrackedMetric#fixedValue()}. */
    FIXED
}
