package io.quarkiverse.launchdarkly.runtime.calls;

/**
 * How an annotated method hands over its result, decided at build time from the type hierarchy of its declared return
 * type. Shared by every annotation of the extension, so that they agree on when a call has ended and how.
 */
public enum ResultKind {
    /** The returned value itself (or nothing, for {@code void}). */
    SYNC,
    /** A {@code CompletionStage}, or any subtype such as {@code CompletableFuture}: one completion per call. */
    COMPLETION_STAGE,
    /** A Mutiny {@code Uni}: lazy, so each subscription is one execution. */
    UNI,
    /** A Mutiny {@code Multi}: lazy, so each subscription is one execution, its items observed as they arrive. */
    MULTI
}
