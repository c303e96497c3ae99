package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiAgentGraph;
import io.quarkiverse.launchdarkly.ai.AiGraphEdge;
import io.quarkiverse.launchdarkly.ai.AiGraphNode;
import io.quarkiverse.launchdarkly.ai.AiGraphRun;
import io.quarkiverse.launchdarkly.ai.AiGraphTracker;

/** An agent graph as {@link LaunchDarklyAiClient} evaluated it; without nodes when disabled. */
final class EvaluatedGraph implements AiAgentGraph {

    private final String key;
    private final GraphFlagValue flag;
    private final String disabledReason;
    private final Map<String, AiGraphNode> nodes;
    private final Supplier<AiGraphTracker> trackers;

    /**
     * @param configs the node configs by key in {@link GraphFlagValue#allKeys()} order; ignored when disabled
     * @param disabledReason why the graph is disabled, {@code null} when it is enabled
     */
    EvaluatedGraph(String key, GraphFlagValue flag, Map<String, AiAgentConfig> configs, String disabledReason,
            Supplier<AiGraphTracker> trackers) {
        this.key = key;
        this.flag = flag;
        this.disabledReason = disabledReason;
        this.trackers = trackers;
        Map<String, AiGraphNode> built = new LinkedHashMap<>();
        if (disabledReason == null) {
            configs.forEach((nodeKey, config) -> built.put(nodeKey,
                    new AiGraphNode(nodeKey, config, flag.edgesOf(nodeKey))));
        }
        this.nodes = Collections.unmodifiableMap(built);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public boolean enabled() {
        return disabledReason == null;
    }

    @Override
    public Optional<String> disabledReason() {
        return Optional.ofNullable(disabledReason);
    }

    @Override
    public Optional<String> variationKey() {
        return Optional.ofNullable(flag.variationKey());
    }

    @Override
    public int version() {
        return flag.version();
    }

    @Override
    public Optional<AiGraphNode> root() {
        return node(flag.root());
    }

    @Override
    public Optional<AiGraphNode> node(String nodeKey) {
        return Optional.ofNullable(nodeKey == null ? null : nodes.get(nodeKey));
    }

    @Override
    public Map<String, AiGraphNode> nodes() {
        return nodes;
    }

    @Override
    public List<AiGraphNode> children(String nodeKey) {
        return node(nodeKey).map(node -> node.edges().stream().map(edge -> nodes.get(edge.targetKey()))
                .filter(Objects::nonNull).toList()).orElse(List.of());
    }

    @Override
    public List<AiGraphNode> parents(String nodeKey) {
        if (nodeKey == null || !nodes.containsKey(nodeKey)) {
            return List.of();
        }
        return nodes.values().stream()
                .filter(node -> node.edges().stream().map(AiGraphEdge::targetKey).anyMatch(nodeKey::equals))
                .toList();
    }

    @Override
    public List<AiGraphNode> breadthFirst() {
        if (!enabled()) {
            return List.of();
        }
        List<AiGraphNode> order = new ArrayList<>(nodes.size());
        flag.reachableKeys().forEach(nodeKey -> order.add(nodes.get(nodeKey)));
        return List.copyOf(order);
    }

    @Override
    public AiGraphTracker createTracker() {
        return trackers.get();
    }

    @Override
    public <T, E extends Exception> T trackRun(AiGraphRun.Body<T, E> body) throws E {
        Objects.requireNonNull(body, "trackRun: the body must not be null");
        if (!enabled()) {
            throw new IllegalStateException("The agent graph " + key + " is disabled: " + disabledReason);
        }
        GraphRun run = new GraphRun(this, createTracker());
        long start = System.nanoTime();
        T result;
        try {
            result = body.run(run);
        } catch (Throwable failure) {
            run.finish(false, (System.nanoTime() - start) / 1_000_000);
            throw failure;
        }
        run.finish(true, (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    @Override
    public String toString() {
        return "AiAgentGraph[key=" + key + ", enabled=" + enabled() + ", variationKey=" + flag.variationKey()
                + ", version=" + flag.version() + ", nodes=" + nodes.keySet()
                + (disabledReason == null ? "" : ", disabled because " + disabledReason) + "]";
    }
}
