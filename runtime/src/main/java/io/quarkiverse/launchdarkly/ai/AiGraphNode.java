package io.quarkiverse.launchdarkly.ai;

import java.util.List;
import java.util.Objects;

/**
 * One node of an enabled agent graph: an agent config, evaluated for the graph's context, and its outgoing edges.
 * The trackers of {@link #config()} carry the graph's key ({@code "graphKey"}) in their data and resumption tokens.
 *
 * @param key the agent config key
 * @param config the agent config, always enabled (a graph with a disabled node is disabled)
 * @param edges the outgoing edges in flag order
 */
public record AiGraphNode(String key, AiAgentConfig config, List<AiGraphEdge> edges) {

    public AiGraphNode {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(config, "config");
        edges = List.copyOf(edges);
    }

    /** Whether the node has no outgoing edge. */
    public boolean terminal() {
        return edges.isEmpty();
    }
}
