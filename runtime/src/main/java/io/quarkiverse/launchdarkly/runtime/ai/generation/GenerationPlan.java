package io.quarkiverse.launchdarkly.runtime.ai.generation;

import java.util.List;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiConfigMode;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiVariable;
import io.quarkiverse.launchdarkly.runtime.calls.ResultKind;

/**
 * What the interceptor does for one {@link io.quarkiverse.launchdarkly.ai.AiGeneration} method, decided at
 * build time and recorded into the application, so a call reads no annotation and looks nothing up.
 *
 * @param method {@code Class#method(ParamType,...)}, for log messages
 * @param configKey the AI Config key
 * @param mode the mode asked for, from the type of the config parameter (completion without one)
 * @param resultKind how the result arrives; a {@code Multi} is a stream of chunks
 * @param contextParameter index of the {@code @LaunchDarklyContext} parameter, or -1
 * @param configParameter index of the parameter the config is handed in, or -1
 * @param trackerParameter index of the {@code AiConfigTracker} parameter, or -1
 * @param variableNames names of the {@code @AiVariable} parameters
 * @param variableParameters their indexes, in the order of {@code variableNames}
 * @param extractorClass the bean class of the extractor for the result (the chunk of a {@code Multi}), {@code ""} when
 *        there is none
 * @param hasFallback whether a fallback method answers for a disabled config
 * @param hasDefaultConfig whether a method gives the default config
 * @param judges whether the variation's judges grade the answers ({@code AiGeneration#judges()})
 */
public record GenerationPlan(String method, String configKey, AiConfigMode mode, ResultKind resultKind,
        int contextParameter, int configParameter, int trackerParameter, List<String> variableNames,
        List<Integer> variableParameters, String extractorClass, boolean hasFallback, boolean hasDefaultConfig,
        boolean judges) {

    public boolean hasExtractor() {
        return !extractorClass.isEmpty();
    }
}
