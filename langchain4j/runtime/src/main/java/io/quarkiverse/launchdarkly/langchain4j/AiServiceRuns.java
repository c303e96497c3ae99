package io.quarkiverse.launchdarkly.langchain4j;

import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.langchain4j.runtime.LastRun;

/**
 * The run of the last {@link LaunchDarklyAiConfig} call made on the current thread, so that a caller can keep its
 * resumption token for feedback given later ({@code LaunchDarklyAi#trackFeedback}), with no LaunchDarkly type in
 * the AI service's signature.
 * <p>
 * Read it on the thread that called the AI service, right after the call returned (for a {@code Multi}: after
 * subscribing, since each subscription is a run of its own); another call on that thread replaces it.
 */
@Singleton
public class AiServiceRuns {

    /**
     * The resumption token of the last bound call on this thread; empty when this thread has made none (a call refused
     * because its config is disabled makes no run).
     */
    public Optional<String> lastResumptionToken() {
        AiConfigTracker tracker = LastRun.get();
        return tracker == null ? Optional.empty() : Optional.of(tracker.resumptionToken());
    }
}
