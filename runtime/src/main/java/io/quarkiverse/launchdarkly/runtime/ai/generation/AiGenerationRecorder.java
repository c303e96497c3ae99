package io.quarkiverse.launchdarkly.runtime.ai.generation;

import java.util.List;

import jakarta.enterprise.invoke.Invoker;

import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/** Hands the build-time plans and invokers of the {@code @AiGeneration} methods to the running application. */
@Recorder
public class AiGenerationRecorder {

    public void register(List<GenerationPlan> plans) {
        GenerationPlans.set(plans);
    }

    public void fallback(int plan, RuntimeValue<Invoker<Object, Object>> invoker) {
        GenerationPlans.setFallback(plan, invoker.getValue());
    }

    public void defaultConfig(int plan, RuntimeValue<Invoker<Object, Object>> invoker) {
        GenerationPlans.setDefaultConfig(plan, invoker.getValue());
    }
}
