package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reports AI Configs that cannot be what the code asked for: a key the environment has no flag for (a misspelled key
 * answers with its default on every call, and the SDK only says so at INFO), and a flag whose mode is not the one
 * asked for. Each problem is logged once per key, naming the methods that ask for that key.
 */
public final class ConfigProblems {

    private final Consumer<String> warnings;
    /** Config key to the {@code @AiGeneration} methods that evaluate it; registered once, at startup. */
    private final Map<String, Set<String>> askers = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public ConfigProblems(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** Records that {@code method} (as the build describes it) evaluates the config {@code key}. */
    public void askedBy(String key, String method) {
        askers.computeIfAbsent(key, k -> new TreeSet<>()).add(method);
    }

    void notFound(String key) {
        if (reported.add("not-found " + key)) {
            warnings.accept("The AI Config '" + key + "' is not a flag of this LaunchDarkly environment, so every"
                    + " evaluation answers with its default" + askedFor(key) + "; check the key (logged once per key)");
        }
    }

    void modeMismatch(String key, String expected, String actual) {
        if (reported.add("mode " + key + " " + expected)) {
            warnings.accept("AI Config mode mismatch for " + key + ": expected " + expected + ", got " + actual
                    + ". Returning disabled config" + askedFor(key) + " (logged once per key)");
        }
    }

    private String askedFor(String key) {
        Set<String> methods = askers.get(key);
        return methods == null || methods.isEmpty() ? ""
                : " (asked for by @AiGeneration on " + String.join(", ", methods) + ")";
    }
}
