package io.quarkiverse.launchdarkly.benchmarks;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDisabledException;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;

/**
 * The same model call written as LaunchDarkly's AI SDK documentation asks: evaluate the config, check that it is
 * enabled, create one tracker for the run and let {@code trackMetricsOf} record duration, success and tokens. A bean of
 * the same scope as {@link AnnotatedAssistant}, so both are called through a client proxy.
 */
@ApplicationScoped
public class HandWrittenAssistant {

    private final LaunchDarklyAi ai;
    private final BenchReplyExtractor extractor;

    HandWrittenAssistant(LaunchDarklyAi ai, BenchReplyExtractor extractor) {
        this.ai = ai;
        this.extractor = extractor;
    }

    public BenchReply answer(String userKey, String topic, String question) {
        AiCompletionConfig config = ai.completionConfig("bench.chat", LDContext.create(userKey), null,
                Map.of("topic", topic));
        if (!config.enabled()) {
            throw new AiConfigDisabledException("bench.chat", AiConfigDisabledException.Reason.DISABLED,
                    "HandWrittenAssistant#answer");
        }
        return config.createTracker().trackMetricsOf(extractor, () -> LocalModel.answer(config, question));
    }
}
