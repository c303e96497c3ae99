package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.quarkiverse.launchdarkly.ai.AiAgentGraph;
import io.quarkiverse.launchdarkly.ai.AiGraphNode;
import io.quarkiverse.launchdarkly.ai.AiGraphRun;
import io.quarkiverse.launchdarkly.ai.AiGraphTracker;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

/**
 * One {@link AiAgentGraph#trackRun} in progress: the path and the tokens of the nodes so far, for the graph events
 * sent at its end.
 */
final class GraphRun implements AiGraphRun {

    private final AiAgentGraph graph;
    private final AiGraphTracker tracker;
    private final List<String> path = new ArrayList<>();
    private long totalTokens;
    private long inputTokens;
    private long outputTokens;

    GraphRun(AiAgentGraph graph, AiGraphTracker tracker) {
        this.graph = graph;
        this.tracker = tracker;
    }

    @Override
    public AiGraphTracker tracker() {
        return tracker;
    }

    @Override
    public <T, E extends Exception> T node(String nodeKey, Function<? super T, AiMetrics> extractor,
            NodeCall<T, E> call) throws E {
        Objects.requireNonNull(extractor, "node: the extractor must not be null");
        Objects.requireNonNull(call, "node: the call must not be null");
        AiGraphNode node = graph.node(nodeKey).orElseThrow(() -> new IllegalArgumentException(
                "The agent graph " + graph.key() + " has no node '" + nodeKey + "'"));
        synchronized (this) {
            path.add(node.key());
        }
        Function<T, AiMetrics> counting = response -> {
            AiMetrics metrics = extractor.apply(response);
            if (metrics != null && metrics.tokens() != null) {
                addTokens(metrics.tokens());
            }
            return metrics;
        };
        return node.config().createTracker().trackMetricsOf(counting, () -> call.call(node.config()));
    }

    private synchronized void addTokens(AiTokenUsage usage) {
        totalTokens += Math.max(0, usage.total());
        inputTokens += Math.max(0, usage.input());
        outputTokens += Math.max(0, usage.output());
    }

    @Override
    public void handoff(String sourceKey, String targetKey) {
        tracker.trackHandoffSuccess(sourceKey, targetKey);
    }

    @Override
    public void handoffFailed(String sourceKey, String targetKey) {
        tracker.trackHandoffFailure(sourceKey, targetKey);
    }

    @Override
    public void redirect(String sourceKey, String redirectedTarget) {
        tracker.trackRedirect(sourceKey, redirectedTarget);
    }

    @Override
    public synchronized List<String> path() {
        return List.copyOf(path);
    }

    /** The end of the run: duration, outcome, path (when a node ran) and total tokens (when any), in that order. */
    void finish(boolean success, long durationMs) {
        tracker.trackDuration(durationMs);
        if (success) {
            tracker.trackInvocationSuccess();
        } else {
            tracker.trackInvocationFailure();
        }
        List<String> taken;
        AiTokenUsage tokens;
        synchronized (this) {
            taken = List.copyOf(path);
            tokens = new AiTokenUsage(totalTokens, inputTokens, outputTokens);
        }
        if (!taken.isEmpty()) {
            tracker.trackPath(taken);
        }
        if (tokens.total() > 0) {
            tracker.trackTotalTokens(tokens);
        }
    }
}
