package io.quarkiverse.launchdarkly.deployment.ai;

import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.runtime.ai.JudgeDispatcher;
import io.quarkiverse.launchdarkly.runtime.ai.LaunchDarklyAiProducer;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;

/**
 * Makes the AI Config client injectable ({@code @Inject LaunchDarklyAi}). Both the producer and the produced bean are
 * kept even when no injection point names them, so programmatic lookups work too. The background judge dispatcher is
 * kept too, though nothing injects it yet: it is there for the {@code @AiGeneration} interceptor to call.
 */
class AiConfigProcessor {

    @BuildStep
    void beans(BuildProducer<AdditionalBeanBuildItem> beans, BuildProducer<UnremovableBeanBuildItem> unremovable) {
        beans.produce(AdditionalBeanBuildItem.unremovableOf(LaunchDarklyAiProducer.class));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(JudgeDispatcher.class));
        unremovable.produce(UnremovableBeanBuildItem.beanTypes(LaunchDarklyAi.class));
    }
}
