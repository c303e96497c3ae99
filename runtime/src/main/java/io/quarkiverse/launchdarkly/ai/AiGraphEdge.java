package io.quarkiverse.launchdarkly.ai;

import java.util.Objects;

import com.launchdarkly.sdk.LDValue;

/**
 * One edge of an agent graph: the source node may hand off to the target node.
 *
 * @param sourceKey the agent config key of the node the edge leaves
 * @param targetKey the agent config key of the node it reaches
 * @param handoff the edge's {@code handoff} object as the flag has it (an empty object stays an empty object);
 *        {@link LDValue#ofNull()} when the edge has none
 */
public record AiGraphEdge(String sourceKey, String targetKey, LDValue handoff) {

    public AiGraphEdge {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(targetKey, "targetKey");
        handoff = LDValue.normalize(handoff);
    }
}
