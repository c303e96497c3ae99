package io.quarkiverse.launchdarkly.runtime.ai.extractors;

import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

/** Token counts as libraries report them (boxed, possibly absent) to {@link AiTokenUsage}; no library types here. */
final class Tokens {

    private Tokens() {
    }

    /**
     * The usage of the given counts, an absent one counting as zero, an absent total being input + output; or
     * {@code null} when all three are absent.
     */
    static AiTokenUsage of(Number total, Number input, Number output) {
        if (total == null && input == null && output == null) {
            return null;
        }
        long in = input == null ? 0 : input.longValue();
        long out = output == null ? 0 : output.longValue();
        return new AiTokenUsage(total == null ? in + out : total.longValue(), in, out);
    }
}
