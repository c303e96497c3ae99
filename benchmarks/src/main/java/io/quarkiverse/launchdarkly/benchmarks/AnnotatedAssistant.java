package io.quarkiverse.launchdarkly.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiVariable;

/** The model call with its AI Config evaluated and its run recorded by {@code @AiGeneration}. */
@ApplicationScoped
public class AnnotatedAssistant {

    @AiGeneration(config = "bench.chat")
    public BenchReply answer(@LaunchDarklyContext String userKey, @AiVariable("topic") String topic, String question,
            AiCompletionConfig config) {
        return LocalModel.answer(config, question);
    }

    /** The same call, on an AI Config whose variation lists a judge grading every answer (sampling rate 1). */
    @AiGeneration(config = "bench.judged-chat")
    public BenchReply judgedAnswer(@LaunchDarklyContext String userKey, @AiVariable("topic") String topic,
            String question, AiCompletionConfig config) {
        return LocalModel.answer(config, question);
    }
}
