package io.quarkiverse.launchdarkly.benchmarks;

import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiMessage;

/**
 * The model call shared by both assistants, so that only the AI Config handling differs: it reads the config's model
 * and prompt, as a real call would, and answers at once (a real model would take far longer than any tracking).
 */
final class LocalModel {

    private LocalModel() {
    }

    static BenchReply answer(AiCompletionConfig config, String question) {
        String model = config.model().orElseThrow().name();
        int promptLength = question.length();
        for (AiMessage message : config.messages()) {
            promptLength += message.content().length();
        }
        return new BenchReply(model, promptLength / 4, question.length());
    }
}
