package io.quarkiverse.launchdarkly.ai;

import java.util.List;
import java.util.function.Function;

/**
 * One run of an agent graph in progress, handed to the body of {@link AiAgentGraph#trackRun}. Each
 * {@link #node node call} is tracked on that node's own tracker like {@link AiConfigTracker#trackMetricsOf} and adds
 * the node to the path; handoffs and redirects go to the graph tracker as they happen.
 */
public interface AiGraphRun {

    /** The graph tracker of this run. */
    AiGraphTracker tracker();

    /**
     * Runs one node: a new tracker for the node's agent config records the call as
     * {@link AiConfigTracker#trackMetricsOf} does, and the node joins the path (also when the call throws).
     *
     * @throws IllegalArgumentException before anything runs, when the graph has no such node
     */
    <T, E extends Exception> T node(String nodeKey, Function<? super T, AiMetrics> extractor, NodeCall<T, E> call)
            throws E;

    /** Records a successful handoff on the graph tracker. */
    void handoff(String sourceKey, String targetKey);

    /** Records a failed handoff on the graph tracker. */
    void handoffFailed(String sourceKey, String targetKey);

    /** Records a redirect on the graph tracker. */
    void redirect(String sourceKey, String redirectedTarget);

    /** The node keys run so far, in order. */
    List<String> path();

    /**
     * A call of one node's model with the node's agent config.
     *
     * @param <T> the response type
     * @param <E> the checked exception the call may throw
     */
    @FunctionalInterface
    interface NodeCall<T, E extends Exception> {
        T call(AiAgentConfig config) throws E;
    }

    /**
     * The body of a graph run.
     *
     * @param <T> what the run returns
     * @param <E> the checked exception the run may throw
     */
    @FunctionalInterface
    interface Body<T, E extends Exception> {
        T run(AiGraphRun run) throws E;
    }
}
