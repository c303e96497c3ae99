package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.ContextKind;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.runtime.client.ExtensionVersion;

/**
 * The AI Config client: evaluates AI Config flags into typed configs, interpolates their prompts, and sends the
 * analytics events LaunchDarkly's AI Config monitoring reads, as the official AI SDKs do (the flag format and the
 * events as the docs' AI Configs page describes them; JavaScript {@code @launchdarkly/server-sdk-ai} 2.0.1 where the
 * SDKs differ).
 * <p>
 * Events:
 * <ul>
 * <li>{@code $ld:ai:sdk:info} once per instance, sent by the constructor as the JavaScript client does (so in an
 * application, when the bean is first created);</li>
 * <li>one {@code $ld:ai:usage:*} event per public call, before the evaluation (batch: data and value are the
 * count); the evaluations a call makes for itself send none;</li>
 * <li>the tracker events, through {@link AiConfig#createTracker()}.</li>
 * </ul>
 * <p>
 * Evaluation passes the serialized default (with {@code _ldMeta.enabled} and {@code mode}) as the evaluation default,
 * so a missing flag yields the default's model and messages. A flag in another mode than asked gives a disabled
 * config without model, messages or instructions (as in JavaScript); its trackers still carry the flag's variation
 * key, version, model and provider names.
 * <p>
 * Where the implementations differ, this one follows JavaScript 2.0.1 except: {@code ldctx} of a multi-kind context
 * has the Java/.NET/Go shape (the reference asks for it); judges listed in {@code judgeConfiguration} are reported
 * but not evaluated or run (JavaScript evaluates them to build its evaluator); messages with a role other than
 * system, user or assistant are left out with a warning (a Java enum cannot carry them).
 * <p>
 * Thread-safe.
 */
public class LaunchDarklyAi {

    static final String SDK_INFO = "$ld:ai:sdk:info";
    static final String USAGE_COMPLETION_CONFIG = "$ld:ai:usage:completion-config";
    static final String USAGE_COMPLETION_CONFIG_TEMPLATE = "$ld:ai:usage:completion-config-template";
    static final String USAGE_AGENT_CONFIG = "$ld:ai:usage:agent-config";
    static final String USAGE_AGENT_CONFIG_TEMPLATE = "$ld:ai:usage:agent-config-template";
    static final String USAGE_AGENT_CONFIGS = "$ld:ai:usage:agent-configs";
    static final String USAGE_JUDGE_CONFIG = "$ld:ai:usage:judge-config";
    static final String USAGE_JUDGE_CONFIG_TEMPLATE = "$ld:ai:usage:judge-config-template";

    /** The context of the SDK info event, the same in every official AI SDK. */
    static final LDContext SDK_INFO_CONTEXT = LDContext.builder(ContextKind.of("ld_ai"), "ld-internal-tracking")
            .anonymous(true).build();

    /** The judge's own variables, kept as placeholders through interpolation (JavaScript does the same). */
    private static final List<String> RESERVED_JUDGE_VARIABLES = List.of("message_history", "response_to_evaluate");

    private static final Logger LOG = Logger.getLogger(LaunchDarklyAi.class);

    private final LDClientInterface client;
    private final Consumer<String> warnings;

    /** A client over this SDK client; sends {@code $ld:ai:sdk:info} now. */
    public LaunchDarklyAi(LDClientInterface client) {
        this(client, LOG::warn);
    }

    LaunchDarklyAi(LDClientInterface client, Consumer<String> warnings) {
        this.client = Objects.requireNonNull(client, "client");
        this.warnings = warnings;
        client.trackMetric(SDK_INFO, SDK_INFO_CONTEXT, LDValue.buildObject()
                .put("aiSdkName", ExtensionVersion.NAME)
                .put("aiSdkVersion", ExtensionVersion.get())
                .put("aiSdkLanguage", "java")
                .build(), 1);
    }

    // ---- completion -----------------------------------------------------------------------------------------------

    /** A completion config with a disabled default and no variables besides {@code ldctx}. */
    public AiCompletionConfig completionConfig(String key, LDContext context) {
        return completionConfig(key, context, null, null);
    }

    public AiCompletionConfig completionConfig(String key, LDContext context, AiConfigDefault defaultValue) {
        return completionConfig(key, context, defaultValue, null);
    }

    /**
     * The completion config for this context, its messages interpolated with the variables and {@code ldctx}.
     *
     * @param defaultValue what to use when LaunchDarkly has no value; disabled when {@code null}
     * @param variables template variables; {@code LDValue}s are walked as JSON; may be {@code null}
     */
    public AiCompletionConfig completionConfig(String key, LDContext context, AiConfigDefault defaultValue,
            Map<String, ?> variables) {
        trackUsage(USAGE_COMPLETION_CONFIG, key, context);
        return (AiCompletionConfig) evaluate(key, context, defaultValue, AiConfigMode.COMPLETION, variables, true);
    }

    public AiCompletionConfig completionConfigTemplate(String key, LDContext context) {
        return completionConfigTemplate(key, context, null);
    }

    /** The completion config with its messages as written in the flag (no interpolation). */
    public AiCompletionConfig completionConfigTemplate(String key, LDContext context, AiConfigDefault defaultValue) {
        trackUsage(USAGE_COMPLETION_CONFIG_TEMPLATE, key, context);
        return (AiCompletionConfig) evaluate(key, context, defaultValue, AiConfigMode.COMPLETION, null, false);
    }

    // ---- agent ----------------------------------------------------------------------------------------------------

    public AiAgentConfig agentConfig(String key, LDContext context) {
        return agentConfig(key, context, null, null);
    }

    public AiAgentConfig agentConfig(String key, LDContext context, AiConfigDefault defaultValue) {
        return agentConfig(key, context, defaultValue, null);
    }

    /** The agent config for this context, its instructions interpolated with the variables and {@code ldctx}. */
    public AiAgentConfig agentConfig(String key, LDContext context, AiConfigDefault defaultValue,
            Map<String, ?> variables) {
        trackUsage(USAGE_AGENT_CONFIG, key, context);
        return evaluateAgent(key, context, defaultValue, variables);
    }

    public AiAgentConfig agentConfigTemplate(String key, LDContext context) {
        return agentConfigTemplate(key, context, null);
    }

    /** The agent config with its instructions as written in the flag (no interpolation). */
    public AiAgentConfig agentConfigTemplate(String key, LDContext context, AiConfigDefault defaultValue) {
        trackUsage(USAGE_AGENT_CONFIG_TEMPLATE, key, context);
        return (AiAgentConfig) evaluate(key, context, defaultValue, AiConfigMode.AGENT, null, false);
    }

    /**
     * Several agent configs for one context, keyed by config key in request order (a repeated key keeps the last).
     * Sends one {@code $ld:ai:usage:agent-configs} event whose data and value are the number of requests, and no
     * per-agent usage event.
     */
    public Map<String, AiAgentConfig> agentConfigs(List<AgentRequest> requests, LDContext context) {
        int count = requests.size();
        client.trackMetric(USAGE_AGENT_CONFIGS, context, LDValue.of(count), count);
        Map<String, AiAgentConfig> agents = new LinkedHashMap<>();
        for (AgentRequest request : requests) {
            agents.put(request.key(), evaluateAgent(request.key(), context, request.defaultValue(), request.variables()));
        }
        return agents;
    }

    private AiAgentConfig evaluateAgent(String key, LDContext context, AiConfigDefault defaultValue,
            Map<String, ?> variables) {
        return (AiAgentConfig) evaluate(key, context, defaultValue, AiConfigMode.AGENT, variables, true);
    }

    // ---- judge ----------------------------------------------------------------------------------------------------

    public AiJudgeConfig judgeConfig(String key, LDContext context) {
        return judgeConfig(key, context, null, null);
    }

    public AiJudgeConfig judgeConfig(String key, LDContext context, AiConfigDefault defaultValue) {
        return judgeConfig(key, context, defaultValue, null);
    }

    /**
     * The judge config for this context, its messages interpolated. As in JavaScript, the variables
     * {@code message_history} and {@code response_to_evaluate} are the judge's own: a caller's values for them are
     * ignored with a warning, they stay as placeholders, and user or assistant messages that contain them (legacy
     * judge templates) are left out.
     */
    public AiJudgeConfig judgeConfig(String key, LDContext context, AiConfigDefault defaultValue,
            Map<String, ?> variables) {
        trackUsage(USAGE_JUDGE_CONFIG, key, context);
        Map<String, Object> extended = new HashMap<>();
        if (variables != null) {
            extended.putAll(variables);
        }
        for (String reserved : RESERVED_JUDGE_VARIABLES) {
            if (extended.get(reserved) != null) {
                warnings.accept("The variable '" + reserved + "' is reserved by the judge and will be ignored.");
            }
            extended.put(reserved, "{{" + reserved + "}}");
        }
        AiJudgeConfig config = (AiJudgeConfig) evaluate(key, context, defaultValue, AiConfigMode.JUDGE, extended, true);
        List<AiMessage> kept = config.messages().stream().filter(LaunchDarklyAi::notALegacyJudgeMessage).toList();
        return kept.size() == config.messages().size() ? config
                : new AiJudgeConfig(config.common(), kept, config.evaluationMetricKey().orElse(null));
    }

    public AiJudgeConfig judgeConfigTemplate(String key, LDContext context) {
        return judgeConfigTemplate(key, context, null);
    }

    /** The judge config with its messages as written in the flag (no interpolation, nothing left out). */
    public AiJudgeConfig judgeConfigTemplate(String key, LDContext context, AiConfigDefault defaultValue) {
        trackUsage(USAGE_JUDGE_CONFIG_TEMPLATE, key, context);
        return (AiJudgeConfig) evaluate(key, context, defaultValue, AiConfigMode.JUDGE, null, false);
    }

    private static boolean notALegacyJudgeMessage(AiMessage message) {
        return message.role() == AiMessage.Role.SYSTEM
                || RESERVED_JUDGE_VARIABLES.stream().noneMatch(name -> message.content().contains("{{" + name + "}}"));
    }

    // ---- trackers -------------------------------------------------------------------------------------------------

    /**
     * A tracker for the run a {@link AiConfigTracker#resumptionToken()} names, on this context: same run id, config key,
     * variation key, version (and graph key). The model and provider names are not in the token, so its events carry
     * {@code ""} for them, as in JavaScript.
     *
     * @throws IllegalArgumentException when the token is not a resumption token
     */
    public AiConfigTracker trackerFromResumptionToken(String token, LDContext context) {
        return new AiConfigTracker(client, context, ResumptionToken.decode(token), warnings);
    }

    /**
     * Records the user's feedback on a past run, from the {@link AiConfigTracker#resumptionToken() resumption token}
     * the run handed out: the event joins that run (same run id, config and variation), whichever request or process
     * sends it. At most once per rebuilt tracker, so call it once per feedback given.
     *
     * @param context the context of the user giving the feedback, normally the one the run was evaluated for
     * @throws IllegalArgumentException when the token is not a resumption token
     */
    public void trackFeedback(String resumptionToken, LDContext context, AiFeedbackKind kind) {
        Objects.requireNonNull(kind, "kind");
        trackerFromResumptionToken(resumptionToken, context).trackFeedback(kind);
    }

    // ---- evaluation -----------------------------------------------------------------------------------------------

    private void trackUsage(String eventKey, String key, LDContext context) {
        client.trackMetric(eventKey, context, LDValue.of(key), 1);
    }

    private AiConfig evaluate(String key, LDContext context, AiConfigDefault defaultValue, AiConfigMode mode,
            Map<String, ?> variables, boolean interpolate) {
        AiConfigDefault fallback = defaultValue == null ? AiConfigDefault.disabled() : defaultValue;
        LDValue value = client.jsonValueVariation(key, context, fallback.toFlagValue(mode));
        AiFlagValue flag = AiFlagValue.parse(key, LDValue.normalize(value), warnings);
        TrackData trackData = flag.trackData(key, null);
        ConfigCommon common = new ConfigCommon(key, flag.enabled(), flag.model(), flag.provider(), mode, trackData,
                () -> new AiConfigTracker(client, context, trackData.newRun(), warnings));

        if (!mode.wireName().equals(flag.mode())) {
            warnings.accept("AI Config mode mismatch for " + key + ": expected " + mode.wireName() + ", got "
                    + flag.mode() + ". Returning disabled config.");
            ConfigCommon disabled = new ConfigCommon(key, false, null, null, mode, trackData, common.trackers());
            return switch (mode) {
                case COMPLETION -> new AiCompletionConfig(disabled, List.of(), List.of(), null);
                case AGENT -> new AiAgentConfig(disabled, null, List.of(), null);
                case JUDGE -> new AiJudgeConfig(disabled, List.of(), null);
            };
        }

        Map<String, Object> allVariables = interpolate ? variables(variables, context) : null;
        return switch (mode) {
            case COMPLETION -> new AiCompletionConfig(common, messages(key, flag.messages(), allVariables), flag.tools(),
                    flag.judgeConfiguration());
            case AGENT -> new AiAgentConfig(common, instructions(key, flag.instructions(), allVariables), flag.tools(),
                    flag.judgeConfiguration());
            case JUDGE -> new AiJudgeConfig(common, messages(key, flag.messages(), allVariables),
                    flag.evaluationMetricKey());
        };
    }

    /** The caller's variables (JSON values made walkable) with {@code ldctx} added last, so it always wins. */
    private static Map<String, Object> variables(Map<String, ?> callerVariables, LDContext context) {
        Map<String, Object> all = new HashMap<>();
        if (callerVariables != null) {
            callerVariables.forEach((name, value) -> all.put(name,
                    value instanceof LDValue json ? ContextVariables.toJava(json) : value));
        }
        all.put("ldctx", ContextVariables.ldctx(context));
        return all;
    }

    private static List<AiMessage> messages(String key, List<AiMessage> messages, Map<String, Object> variables) {
        if (variables == null) {
            return messages;
        }
        List<AiMessage> rendered = new ArrayList<>(messages.size());
        for (AiMessage message : messages) {
            rendered.add(message.withContent(TemplateRenderer.render(key, message.content(), variables)));
        }
        return rendered;
    }

    private static String instructions(String key, String instructions, Map<String, Object> variables) {
        if (variables == null || instructions == null || instructions.isEmpty()) {
            return instructions;
        }
        return TemplateRenderer.render(key, instructions, variables);
    }
}
