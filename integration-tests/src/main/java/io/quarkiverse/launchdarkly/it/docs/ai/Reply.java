package io.quarkiverse.launchdarkly.it.docs.ai;

import java.util.List;

/** What the docs' {@link ModelClient} answers: stands for the response type of a real model client. */
public record Reply(String text, long inputTokens, long outputTokens, long totalTokens, boolean finishedNormally,
        List<String> toolNames) {
}
