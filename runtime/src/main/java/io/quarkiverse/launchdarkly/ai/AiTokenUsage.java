package io.quarkiverse.launchdarkly.ai;

/**
 * The tokens one model call used, as the provider reports them. A count of zero or less is not sent.
 *
 * @param total all tokens
 * @param input prompt tokens
 * @param output completion tokens
 */
public record AiTokenUsage(long total, long input, long output) {

    /** Usage from input and output counts, the total being their sum (as Anthropic reports it). */
    public static AiTokenUsage of(long input, long output) {
        return new AiTokenUsage(input + output, input, output);
    }
}
