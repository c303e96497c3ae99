package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.LDValueType;

import io.quarkiverse.launchdarkly.ai.AiGraphEdge;

/**
 * An agent graph flag value read from its JSON. Anything of the wrong JSON type counts as absent, so a malformed
 * flag gives a graph without root (disabled) instead of an exception.
 *
 * @param disabledByFlag {@code _ldMeta.enabled} literally {@code false} (absent does not disable, as in JavaScript)
 * @param variationKey {@code _ldMeta.variationKey}, {@code null} when absent
 * @param version {@code _ldMeta.version}, 1 when absent
 * @param root the root node key, {@code ""} when absent
 * @param edges the outgoing edges by source key, in flag order
 */
record GraphFlagValue(boolean disabledByFlag, String variationKey, int version, String root,
        Map<String, List<AiGraphEdge>> edges) {

    /** The evaluation default: no root, so a missing flag gives a disabled graph (the JavaScript default). */
    static final LDValue DEFAULT = LDValue.buildObject().put("root", "").build();

    static GraphFlagValue parse(LDValue value) {
        LDValue meta = value.get("_ldMeta");
        LDValue enabled = meta.get("enabled");
        LDValue version = meta.get("version");
        Map<String, List<AiGraphEdge>> edges = new LinkedHashMap<>();
        LDValue edgesValue = value.get("edges");
        if (edgesValue.getType() == LDValueType.OBJECT) {
            for (String source : edgesValue.keys()) {
                List<AiGraphEdge> outgoing = new ArrayList<>();
                for (LDValue edge : AiFlagValue.arrayElements(edgesValue.get(source))) {
                    String target = edge.get("key").stringValue();
                    if (target != null) {
                        outgoing.add(new AiGraphEdge(source, target, edge.get("handoff")));
                    }
                }
                edges.put(source, List.copyOf(outgoing));
            }
        }
        String root = value.get("root").stringValue();
        return new GraphFlagValue(enabled.getType() == LDValueType.BOOLEAN && !enabled.booleanValue(),
                meta.get("variationKey").stringValue(), version.isNumber() ? version.intValue() : 1,
                root == null ? "" : root, edges);
    }

    /** The outgoing edges of a node, none when it has no entry. */
    List<AiGraphEdge> edgesOf(String key) {
        return edges.getOrDefault(key, List.of());
    }

    /** Every node key the graph names: the root, then each edge source followed by its targets, once each. */
    Set<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(root);
        edges.forEach((source, outgoing) -> {
            keys.add(source);
            outgoing.forEach(edge -> keys.add(edge.targetKey()));
        });
        return keys;
    }

    /** The node keys reachable from the root, breadth-first over the edges, in the order they are reached. */
    Set<String> reachableKeys() {
        Set<String> visited = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        visited.add(root);
        queue.add(root);
        while (!queue.isEmpty()) {
            for (AiGraphEdge edge : edgesOf(queue.poll())) {
                if (visited.add(edge.targetKey())) {
                    queue.add(edge.targetKey());
                }
            }
        }
        return visited;
    }

    /** Why the flag alone disables the graph, {@code null} when it does not (the nodes are checked after). */
    String disabledReason() {
        if (disabledByFlag) {
            return "the graph flag's _ldMeta.enabled is false";
        }
        if (root.isEmpty()) {
            return "the graph has no root node";
        }
        Set<String> reachable = reachableKeys();
        for (String key : allKeys()) {
            if (!reachable.contains(key)) {
                return "node '" + key + "' cannot be reached from the root '" + root + "'";
            }
        }
        return null;
    }
}
