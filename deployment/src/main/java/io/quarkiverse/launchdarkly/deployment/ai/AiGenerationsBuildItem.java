package io.quarkiverse.launchdarkly.deployment.ai;

import java.util.List;

import org.jboss.jandex.MethodInfo;

import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.runtime.ai.generation.GenerationPlan;
import io.quarkus.builder.item.SimpleBuildItem;

/** The valid {@code @AiGeneration} methods of the application with their plans, and every mistake found. */
public final class AiGenerationsBuildItem extends SimpleBuildItem {

    /**
     * One valid method.
     *
     * @param method the annotated method
     * @param plan what its interceptor does; its index in {@link #methods()} is its plan index
     * @param fallback the fallback method, or null
     * @param defaultConfig the method giving the default config, or null
     */
    public record Generation(MethodInfo method, GenerationPlan plan, MethodInfo fallback, MethodInfo defaultConfig) {
    }

    private final List<Generation> methods;
    private final List<String> errors;

    AiGenerationsBuildItem(List<Generation> methods, List<String> errors) {
        this.methods = List.copyOf(methods);
        this.errors = List.copyOf(errors);
    }

    public List<Generation> methods() {
        return methods;
    }

    public List<String> errors() {
        return errors;
    }
}
