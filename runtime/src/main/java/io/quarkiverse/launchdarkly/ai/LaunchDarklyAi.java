package io.quarkiverse.launchdarkly.ai;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

import com.launchdarkly.sdk.LDContext;

/**
 * The AI Config client: evaluates AI Config flags into typed configs, interpolates their prompts, and sends the
 * analytics events LaunchDarkly's AI Config monitoring reads, as the official AI SDKs do. Inject it:
 *
 * <pre>
 * &#64;Inject
 * LaunchDarklyAi ai;
 *
 * AiCompletionConfig config = ai.completionConfig("support-chat", user, AiConfigDefault.disabled(), Map.of("topic", topic));
 * </pre>
 *
 * Events:
 * <ul>
 * <li>{@code $ld:ai:sdk:info} once per application, when the client is first created;</li>
 * <li>one {@code $ld:ai:usage:*} event per call of this interface, before the evaluation (the batch call: data and
 * value are the count); the evaluations a call makes for itself send none;</li>
 * <li>the tracker events, through {@link AiConfig#createTracker()}.</li>
 * </ul>
 * <p>
 * Evaluation passes the serialized default (with {@code _ldMeta.enabled} and {@code mode}) as the evaluation default,
 * so a missing flag yields the default's model and messages. A flag in another mode than asked gives a disabled
 * config without model, messages or instructions; its trackers still carry the flag's variation key, version, model
 * and provider names. The docs' AI Configs page lists where the official SDKs differ and which one this client
 * follows.
 * <p>
 * Bad arguments are rejected before anything is sent: a {@code null} or blank key throws
 * {@link IllegalArgumentException}, a {@code null} context or list of requests {@link NullPointerException}, each
 * naming what is missing; so an exception never follows a usage event.
 * <p>
 * Thread-safe.
 */
public interface LaunchDarklyAi {

    /** A completion config with a disabled default and no variables besides {@code ldctx}. */
    default AiCompletionConfig completionConfig(String key, LDContext context) {
        return completionConfig(key, context, null, null);
    }

    /** A completion config with no variables besides {@code ldctx}. */
    default AiCompletionConfig completionConfig(String key, LDContext context, AiConfigDefault defaultValue) {
        return completionConfig(key, context, defaultValue, null);
    }

    /**
     * The completion config for this context, its messages interpolated with the variables and {@code ldctx}.
     *
     * @param defaultValue what to use when LaunchDarkly has no value; disabled when {@code null}
     * @param variables template variables; {@code LDValue}s are walked as JSON; may be {@code null}
     */
    AiCompletionConfig completionConfig(String key, LDContext context, AiConfigDefault defaultValue,
            Map<String, ?> variables);

    /** The completion config with its messages as written in the flag, and a disabled default. */
    default AiCompletionConfig completionConfigTemplate(String key, LDContext context) {
        return completionConfigTemplate(key, context, null);
    }

    /** The completion config with its messages as written in the flag (no interpolation). */
    AiCompletionConfig completionConfigTemplate(String key, LDContext context, AiConfigDefault defaultValue);

    /** An agent config with a disabled default and no variables besides {@code ldctx}. */
    default AiAgentConfig agentConfig(String key, LDContext context) {
        return agentConfig(key, context, null, null);
    }

    /** An agent config with no variables besides {@code ldctx}. */
    default AiAgentConfig agentConfig(String key, LDContext context, AiConfigDefault defaultValue) {
        return agentConfig(key, context, defaultValue, null);
    }

    /** The agent config for this context, its instructions interpolated with the variables and {@code ldctx}. */
    AiAgentConfig agentConfig(String key, LDContext context, AiConfigDefault defaultValue, Map<String, ?> variables);

    /** The agent config with its instructions as written in the flag, and a disabled default. */
    default AiAgentConfig agentConfigTemplate(String key, LDContext context) {
        return agentConfigTemplate(key, context, null);
    }

    /** The agent config with its instructions as written in the flag (no interpolation). */
    AiAgentConfig agentConfigTemplate(String key, LDContext context, AiConfigDefault defaultValue);

    /**
     * Several agent configs for one context, keyed by config key in request order (a repeated key keeps the last).
     * Sends one {@code $ld:ai:usage:agent-configs} event whose data and value are the number of requests, and no
     * per-agent usage event. A {@code null} request is skipped with a warning and not counted.
     */
    Map<String, AiAgentConfig> agentConfigs(List<AgentRequest> requests, LDContext context);

    /** A judge config with a disabled default and no variables besides {@code ldctx}. */
    default AiJudgeConfig judgeConfig(String key, LDContext context) {
        return judgeConfig(key, context, null, null);
    }

    /** A judge config with no variables besides {@code ldctx}. */
    default AiJudgeConfig judgeConfig(String key, LDContext context, AiConfigDefault defaultValue) {
        return judgeConfig(key, context, defaultValue, null);
    }

    /**
     * The judge config for this context, its messages interpolated. As in JavaScript, the variables
     * {@code message_history} and {@code response_to_evaluate} are the judge's own: a caller's values for them are
     * ignored with a warning, they stay as placeholders, and user or assistant messages that contain them (legacy
     * judge templates) are left out.
     */
    AiJudgeConfig judgeConfig(String key, LDContext context, AiConfigDefault defaultValue, Map<String, ?> variables);

    /** The judge config with its messages as written in the flag, and a disabled default. */
    default AiJudgeConfig judgeConfigTemplate(String key, LDContext context) {
        return judgeConfigTemplate(key, context, null);
    }

    /** The judge config with its messages as written in the flag (no interpolation, nothing left out). */
    AiJudgeConfig judgeConfigTemplate(String key, LDContext context, AiConfigDefault defaultValue);

    /**
     * A tracker for the run a {@link AiConfigTracker#resumptionToken()} names, on this context: same run id, config key,
     * variation key, version (and graph key). The model and provider names are not in the token, so its events carry
     * {@code ""} for them, as in JavaScript.
     *
     * @throws IllegalArgumentException when the token is not a resumption token
     */
    AiConfigTracker trackerFromResumptionToken(String token, LDContext context);

    /**
     * Records the user's feedback on a past run, from the {@link AiConfigTracker#resumptionToken() resumption token}
     * the run handed out: the event joins that run (same run id, config and variation), whichever request or process
     * sends it. At most once per rebuilt tracker, so call it once per feedback given.
     *
     * @param context the context of the user giving the feedback, normally the one the run was evaluated for
     * @throws IllegalArgumentException when the token is not a resumption token
     */
    default void trackFeedback(String resumptionToken, LDContext context, AiFeedbackKind kind) {
        Objects.requireNonNull(kind, "kind");
        trackerFromResumptionToken(resumptionToken, context).trackFeedback(kind);
    }

    // ---- agent graphs ---------------------------------------------------------------------------------------------

    /** The agent graph for this context, its nodes' instructions interpolated with {@code ldctx} only. */
    default AiAgentGraph agentGraph(String graphKey, LDContext context) {
        return agentGraph(graphKey, context, null);
    }

    /**
     * The agent graph for this context. Sends one {@code $ld:ai:usage:agent-graph} event (data: the graph key); the
     * nodes are evaluated as agent configs with a disabled default, their instructions interpolated with the variables
     * and {@code ldctx}, without usage events of their own, and their trackers carry {@code "graphKey"}. The graph is
     * disabled (no node runs) when its flag says {@code _ldMeta.enabled: false}, has no root, has a node that cannot be
     * reached from the root, or has a node whose agent config is not enabled; a graph flag that does not exist has no
     * root.
     */
    AiAgentGraph agentGraph(String graphKey, LDContext context, Map<String, ?> variables);

    /**
     * A graph tracker for the run an {@link AiGraphTracker#resumptionToken()} names, on this context: same run id,
     * graph key, variation key and version.
     *
     * @throws IllegalArgumentException when the token is not a graph resumption token (a node's or config's token is
     *         not one)
     */
    AiGraphTracker graphTrackerFromResumptionToken(String token, LDContext context);

    // ---- judges ---------------------------------------------------------------------------------------------------

    /**
     * An evaluator for the judges a variation lists ({@link AiCompletionConfig#judgeConfiguration()},
     * {@link AiAgentConfig#judgeConfiguration()}), evaluated for this context without usage events, calling this
     * model, and running on this executor (bound it: each judge of each answer is one task).
     */
    AiJudgeEvaluator judgeEvaluator(AiJudgeConfiguration judges, LDContext context, AiJudgeModel model,
            Executor executor);
}
