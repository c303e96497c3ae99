package io.quarkiverse.launchdarkly.ai;

import java.util.List;

import com.launchdarkly.sdk.LDValue;

/**
 * Records one run of an agent graph for LaunchDarkly's AI Config monitoring. Each tracker has its own {@code runId}
 * (not that of any node tracker), so get a new one with {@link AiAgentGraph#createTracker()} for every run, and
 * rebuild the same run elsewhere with {@link LaunchDarklyAi#graphTrackerFromResumptionToken}.
 * <p>
 * Every event carries {@code {"runId", "graphKey", "version"}} plus {@code "variationKey"} when the graph flag has one.
 * The outcome (success or failure share one slot), the duration, the total tokens and the path are sent at most once
 * per tracker: a repeated call sends nothing and logs a warning. Redirects and handoffs are sent on every call.
 * <p>
 * Bad arguments are never half-sent: a {@code null} usage, a {@code null}, empty or gappy path, or a {@code null} or
 * blank node key sends nothing, claims no slot and logs a warning.
 * <p>
 * Thread-safe.
 */
public interface AiGraphTracker {

    /** Sent by {@link #trackInvocationSuccess}. */
    String INVOCATION_SUCCESS = "$ld:ai:graph:invocation_success";
    /** Sent by {@link #trackInvocationFailure}. */
    String INVOCATION_FAILURE = "$ld:ai:graph:invocation_failure";
    /** Sent by {@link #trackDuration}, with the milliseconds. */
    String DURATION = "$ld:ai:graph:duration:total";
    /** Sent by {@link #trackTotalTokens}, with the total count. */
    String TOTAL_TOKENS = "$ld:ai:graph:total_tokens";
    /** Sent by {@link #trackPath}, with the node keys in the data. */
    String PATH = "$ld:ai:graph:path";
    /** Sent by {@link #trackRedirect}. */
    String REDIRECT = "$ld:ai:graph:redirect";
    /** Sent by {@link #trackHandoffSuccess}. */
    String HANDOFF_SUCCESS = "$ld:ai:graph:handoff_success";
    /** Sent by {@link #trackHandoffFailure}. */
    String HANDOFF_FAILURE = "$ld:ai:graph:handoff_failure";

    /** This run's id, a UUIDv4 (or the id carried by the resumption token this tracker was rebuilt from). */
    String runId();

    /** The agent graph key. */
    String graphKey();

    /** The {@code data} every event of this tracker carries. */
    LDValue trackData();

    /** A token that rebuilds this run elsewhere (another request or process). */
    String resumptionToken();

    /** Sends {@code $ld:ai:graph:invocation_success} unless this run already has an outcome. */
    void trackInvocationSuccess();

    /** Sends {@code $ld:ai:graph:invocation_failure} unless this run already has an outcome. */
    void trackInvocationFailure();

    /** Sends {@code $ld:ai:graph:duration:total}, at most once. */
    void trackDuration(long milliseconds);

    /**
     * Sends {@code $ld:ai:graph:total_tokens} with the total, at most once. A total of zero or less sends nothing and
     * leaves the slot free.
     */
    void trackTotalTokens(AiTokenUsage usage);

    /** Sends {@code $ld:ai:graph:path} with {@code "path": [node keys]} in the data, at most once. */
    void trackPath(List<String> nodeKeys);

    /** Sends {@code $ld:ai:graph:redirect} with {@code sourceKey} and {@code redirectedTarget}; every call counts. */
    void trackRedirect(String sourceKey, String redirectedTarget);

    /** Sends {@code $ld:ai:graph:handoff_success} with {@code sourceKey} and {@code targetKey}; every call counts. */
    void trackHandoffSuccess(String sourceKey, String targetKey);

    /** Sends {@code $ld:ai:graph:handoff_failure} with {@code sourceKey} and {@code targetKey}; every call counts. */
    void trackHandoffFailure(String sourceKey, String targetKey);

    /** What this tracker has recorded so far. */
    AiGraphMetricSummary summary();
}
