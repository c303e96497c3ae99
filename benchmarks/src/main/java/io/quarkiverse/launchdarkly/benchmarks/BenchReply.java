package io.quarkiverse.launchdarkly.benchmarks;

/** What the pretend model answers: the text and the tokens it used. */
public record BenchReply(String text, int inputTokens, int outputTokens) {
}
