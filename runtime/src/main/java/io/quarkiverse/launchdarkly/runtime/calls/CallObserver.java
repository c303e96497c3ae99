package io.quarkiverse.launchdarkly.runtime.calls;

/**
 * What one execution of an annotated method did, reported by {@link CallResults}: exactly one of
 * {@link #succeeded}, {@link #failed} or {@link #cancelled}, after any number of {@link #item} calls for a
 * {@code Multi}. Implementations never throw: tracking does not break the business call.
 * <p>
 * Signals of one execution arrive one at a time (reactive streams signal serially), possibly on different threads.
 */
public interface CallObserver {

    /**
     * An item of a {@code Multi} arrived.
     *
     * @param sinceStartNanos time since the execution started (its subscription)
     */
    default void item(Object item, long sinceStartNanos) {
    }

    /**
     * The execution succeeded.
     *
     * @param result the returned value, or the item of a {@code CompletionStage} or {@code Uni}; {@code null} for a
     *        {@code Multi}, whose items went to {@link #item}
     */
    void succeeded(Object result, long durationNanos);

    /** The method threw, or its asynchronous result failed. */
    void failed(Throwable failure, long durationNanos);

    /**
     * The caller gave up before the result arrived: a cancelled subscription (a timeout such as
     * {@code ifNoItem().after(d).fail()} or {@code await().atMost(d)}, a client that disconnected) or a cancelled
     * {@code CompletionStage}. The call neither succeeded nor failed.
     */
    void cancelled(long durationNanos);
}
