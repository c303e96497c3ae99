package io.quarkiverse.launchdarkly.langchain4j.runtime;

import io.quarkiverse.launchdarkly.ai.AiConfigTracker;

/**
 * The run of the AI service call the running thread made last, for
 * {@link io.quarkiverse.launchdarkly.langchain4j.AiServiceRuns}. Set when a bound call starts (and when a later
 * subscription of its stream starts a new run), so that the caller can read it right after the call returns.
 */
public final class LastRun {

    private static final ThreadLocal<AiConfigTracker> LAST = new ThreadLocal<>();

    private LastRun() {
    }

    static void set(AiConfigTracker tracker) {
        LAST.set(tracker);
    }

    static void clear() {
        LAST.remove();
    }

    /** The tracker of the last bound call on this thread, or {@code null}. */
    public static AiConfigTracker get() {
        return LAST.get();
    }
}
