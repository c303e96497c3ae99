package io.quarkiverse.launchdarkly.standin.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stored metric representations, per project, in creation order.
 * <p>
 * Every method holds the store's lock for its whole duration, so that a read-modify-write such as a patch (read,
 * apply, validate, store) cannot interleave with another request from a second server thread. Traffic to a local
 * stand-in is small, so one lock keeps this simple without costing anything noticeable. Documents never leave or
 * enter the store without being copied, so callers cannot change stored state by accident.
 */
final class MetricStore {

    private final Map<String, LinkedHashMap<String, ObjectNode>> projects = new HashMap<>();

    synchronized Optional<ObjectNode> get(String project, String key) {
        Map<String, ObjectNode> metrics = projects.get(project);
        ObjectNode metric = metrics == null ? null : metrics.get(key);
        return metric == null ? Optional.empty() : Optional.of(metric.deepCopy());
    }

    synchronized List<ObjectNode> list(String project) {
        List<ObjectNode> copies = new ArrayList<>();
        Map<String, ObjectNode> metrics = projects.get(project);
        if (metrics != null) {
            metrics.values().forEach(metric -> copies.add(metric.deepCopy()));
        }
        return copies;
    }

    /** Stores a new metric; {@code false} when the key is taken. */
    synchronized boolean insert(String project, String key, ObjectNode metric) {
        return project(project).putIfAbsent(key, metric.deepCopy()) == null;
    }

    /** Stores a metric, replacing any metric with the same key. */
    synchronized void put(String project, String key, ObjectNode metric) {
        project(project).put(key, metric.deepCopy());
    }

    synchronized boolean remove(String project, String key) {
        Map<String, ObjectNode> metrics = projects.get(project);
        return metrics != null && metrics.remove(key) != null;
    }

    /**
     * Replaces a metric by what {@code change} makes of a copy of it, atomically.
     *
     * @return a copy of the new metric, or empty when there is no such metric
     * @throws ApiError whatever {@code change} throws; the stored metric then stays as it was
     */
    synchronized Optional<ObjectNode> update(String project, String key, UnaryOperator<ObjectNode> change) {
        Map<String, ObjectNode> metrics = projects.get(project);
        ObjectNode current = metrics == null ? null : metrics.get(key);
        if (current == null) {
            return Optional.empty();
        }
        ObjectNode next = change.apply(current.deepCopy());
        metrics.put(key, next.deepCopy());
        return Optional.of(next);
    }

    synchronized void clear() {
        projects.clear();
    }

    synchronized int size() {
        return projects.values().stream().mapToInt(Map::size).sum();
    }

    private LinkedHashMap<String, ObjectNode> project(String project) {
        return projects.computeIfAbsent(project, ignored -> new LinkedHashMap<>());
    }
}
