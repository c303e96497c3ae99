package io.quarkiverse.launchdarkly.ai;

/**
 * A call to a model whose time and outcome a tracker records. Its exception type is inferred from the lambda, so
 * {@link AiConfigTracker#trackMetricsOf} rethrows exactly what the call throws and asks nothing more of the caller
 * (a lambda that throws no checked exception needs no {@code try}).
 *
 * @param <T> the response type
 * @param <E> the checked exception the call may throw
 */
@FunctionalInterface
public interface ModelCall<T, E extends Exception> {

    T call() throws E;
}
