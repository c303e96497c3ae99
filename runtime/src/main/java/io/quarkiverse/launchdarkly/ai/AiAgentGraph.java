package io.quarkiverse.launchdarkly.ai;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agent graph as {@link LaunchDarklyAi#agentGraph} evaluated it for one context: its nodes (agent configs) and
 * edges, and a way to track its runs. Immutable.
 * <p>
 * A graph is disabled, with no nodes, when its flag's {@code _ldMeta.enabled} is {@code false}, when it has no root,
 * when a node cannot be reached from the root, or when a node's agent config is not enabled;
 * {@link #disabledReason()} says which. A disabled graph still creates trackers.
 */
public interface AiAgentGraph {

    /** The agent graph key. */
    String key();

    /** Whether the graph may run. */
    boolean enabled();

    /** Why the graph is disabled; empty when it is enabled. */
    Optional<String> disabledReason();

    /** {@code _ldMeta.variationKey}, empty when the flag has none. */
    Optional<String> variationKey();

    /** {@code _ldMeta.version}, 1 when absent. */
    int version();

    /** The root node; empty when the graph is disabled. */
    Optional<AiGraphNode> root();

    /** The node with this key; empty when there is none (always for a disabled graph). */
    Optional<AiGraphNode> node(String nodeKey);

    /** Every node by key: the root first, then the others in the order the flag's edges name them. */
    Map<String, AiGraphNode> nodes();

    /** The targets of the node's edges, in flag order; none for an unknown node. */
    List<AiGraphNode> children(String nodeKey);

    /** The nodes with an edge to this node; none for an unknown node or the root without incoming edge. */
    List<AiGraphNode> parents(String nodeKey);

    /** Every node once, breadth-first from the root (children in flag order); empty when disabled. */
    List<AiGraphNode> breadthFirst();

    /** A new graph tracker, with a new run id, for one run of this graph. */
    AiGraphTracker createTracker();

    /**
     * Runs the body as one tracked graph run, as the official SDKs' managed graph records it: the body runs its nodes
     * through {@link AiGraphRun#node}; when it returns, the graph tracker gets the duration, invocation success, the
     * path and the total tokens of the nodes; when it throws, the duration, invocation failure, the path and tokens so
     * far, and the same exception is rethrown.
     *
     * @throws IllegalStateException before anything runs, when the graph is disabled
     */
    <T, E extends Exception> T trackRun(AiGraphRun.Body<T, E> body) throws E;
}
