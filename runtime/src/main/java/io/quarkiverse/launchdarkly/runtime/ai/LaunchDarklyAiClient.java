package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.ContextKind;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.ai.AgentRequest;
import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiAgentGraph;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDefault;
import io.quarkiverse.launchdarkly.ai.AiConfigMode;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiGraphTracker;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfig;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfiguration;
import io.quarkiverse.launchdarkly.ai.AiJudgeEvaluator;
import io.quarkiverse.launchdarkly.ai.AiJudgeModel;
import io.quarkiverse.launchdarkly.ai.AiMessage;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.runtime.client.ExtensionVersion;

/**
 * The {@link LaunchDarklyAi} over the SDK client. Where the official SDKs differ, it follows JavaScript
 * {@code @launchdarkly/server-sdk-ai} 2.0.1 except: {@code ldctx} of a multi-kind context has the Java/.NET/Go shape
 * (the reference asks for it); judges listed in {@code judgeConfiguration} are evaluated only when asked for
 * ({@link #judgeEvaluator}), not with the config (JavaScript evaluates them to build its evaluator); messages with a
 * role other than system, user or assistant are left out with a warning (a Java enum cannot carry them).
 */
public final class LaunchDarklyAiClient implements LaunchDarklyAi {

    static final String SDK_INFO = "$ld:ai:sdk:info";
    static final String USAGE_COMPLETION_CONFIG = "$ld:ai:usage:completion-config";
    static final String USAGE_COMPLETION_CONFIG_TEMPLATE = "$ld:ai:usage:completion-config-template";
    static final String USAGE_AGENT_CONFIG = "$ld:ai:usage:agent-config";
    static final String USAGE_AGENT_CONFIG_TEMPLATE = "$ld:ai:usage:agent-config-template";
    static final String USAGE_AGENT_CONFIGS = "$ld:ai:usage:agent-configs";
    static final String USAGE_JUDGE_CONFIG = "$ld:ai:usage:judge-config";
    static final String USAGE_JUDGE_CONFIG_TEMPLATE = "$ld:ai:usage:judge-config-template";
    static final String USAGE_AGENT_GRAPH = "$ld:ai:usage:agent-graph";

    /** The context of the SDK info event, the same in every official AI SDK. */
    static final LDContext SDK_INFO_CONTEXT = LDContext.builder(ContextKind.of("ld_ai"), "ld-internal-tracking")
            .anonymous(true).build();

    /** The judge's own variables, kept as placeholders through interpolation (JavaScript does the same). */
    private static final List<String> RESERVED_JUDGE_VARIABLES = List.of("message_history", "response_to_evaluate");

    private static final Logger LOG = Logger.getLogger(LaunchDarklyAiClient.class);

    private final LDClientInterface client;
    private final Consumer<String> warnings;
    private final ConfigProblems problems;
    /** The judges' sampling draws, uniform in [0,1); {@code null} for {@link ModelJudge}'s default. */
    private final DoubleSupplier random;

    /** A client over this SDK client; sends {@code $ld:ai:sdk:info} now. */
    public LaunchDarklyAiClient(LDClientInterface client) {
        this(client, new ConfigProblems(LOG::warn), LOG::warn, null);
    }

    LaunchDarklyAiClient(LDClientInterface client, Consumer<String> warnings) {
        this(client, new ConfigProblems(warnings), warnings, null);
    }

    LaunchDarklyAiClient(LDClientInterface client, Consumer<String> warnings, DoubleSupplier random) {
        this(client, new ConfigProblems(warnings), warnings, random);
    }

    /**
     * A client that reports unknown keys and mode mismatches to {@code problems} and its trackers' warnings to
     * {@code warnings}; sends {@code $ld:ai:sdk:info}.
     */
    public LaunchDarklyAiClient(LDClientInterface client, ConfigProblems problems, Consumer<String> warnings) {
        this(client, problems, warnings, null);
    }

    private LaunchDarklyAiClient(LDClientInterface client, ConfigProblems problems, Consumer<String> warnings,
            DoubleSupplier random) {
        this.client = Objects.requireNonNull(client, "client");
        this.warnings = warnings;
        this.problems = problems;
        this.random = random;
        client.trackMetric(SDK_INFO, SDK_INFO_CONTEXT, LDValue.buildObject()
                .put("aiSdkName", ExtensionVersion.NAME)
                .put("aiSdkVersion", ExtensionVersion.get())
                .put("aiSdkLanguage", "java")
                .build(), 1);
    }

    // ---- completion -----------------------------------------------------------------------------------------------

    @Override
    public AiCompletionConfig completionConfig(String key, LDContext context, AiConfigDefault defaultValue,
            Map<String, ?> variables) {
        checkArguments(key, context);
        trackUsage(USAGE_COMPLETION_CONFIG, key, context);
        return (AiCompletionConfig) evaluate(key, context, defaultValue, AiConfigMode.COMPLETION, variables, true,
                null);
    }

    @Override
    public AiCompletionConfig completionConfigTemplate(String key, LDContext context, AiConfigDefault defaultValue) {
        checkArguments(key, context);
        trackUsage(USAGE_COMPLETION_CONFIG_TEMPLATE, key, context);
        return (AiCompletionConfig) evaluate(key, context, defaultValue, AiConfigMode.COMPLETION, null, false, null);
    }

    // ---- agent ----------------------------------------------------------------------------------------------------

    @Override
    public AiAgentConfig agentConfig(String key, LDContext context, AiConfigDefault defaultValue,
            Map<String, ?> variables) {
        checkArguments(key, context);
        trackUsage(USAGE_AGENT_CONFIG, key, context);
        return evaluateAgent(key, context, defaultValue, variables);
    }

    @Override
    public AiAgentConfig agentConfigTemplate(String key, LDContext context, AiConfigDefault defaultValue) {
        checkArguments(key, context);
        trackUsage(USAGE_AGENT_CONFIG_TEMPLATE, key, context);
        return (AiAgentConfig) evaluate(key, context, defaultValue, AiConfigMode.AGENT, null, false, null);
    }

    @Override
    public Map<String, AiAgentConfig> agentConfigs(List<AgentRequest> requests, LDContext context) {
        Objects.requireNonNull(requests, "agentConfigs: the list of requests must not be null");
        requireContext(context);
        List<AgentRequest> present = new ArrayList<>(requests.size());
        for (AgentRequest request : requests) {
            if (request == null) {
                warnings.accept("agentConfigs: skipping a null request; it is not evaluated or counted.");
            } else {
                present.add(request);
            }
        }
        int count = present.size();
        client.trackMetric(USAGE_AGENT_CONFIGS, context, LDValue.of(count), count);
        Map<String, AiAgentConfig> agents = new LinkedHashMap<>();
        for (AgentRequest request : present) {
            agents.put(request.key(), evaluateAgent(request.key(), context, request.defaultValue(), request.variables()));
        }
        return agents;
    }

    private AiAgentConfig evaluateAgent(String key, LDContext context, AiConfigDefault defaultValue,
            Map<String, ?> variables) {
        return (AiAgentConfig) evaluate(key, context, defaultValue, AiConfigMode.AGENT, variables, true, null);
    }

    // ---- judge ----------------------------------------------------------------------------------------------------

    @Override
    public AiJudgeConfig judgeConfig(String key, LDContext context, AiConfigDefault defaultValue,
            Map<String, ?> variables) {
        checkArguments(key, context);
        trackUsage(USAGE_JUDGE_CONFIG, key, context);
        return evaluateJudge(key, context, defaultValue, variables);
    }

    /** A judge config without usage event: the public call's, and the judges a variation names (internal). */
    AiJudgeConfig evaluateJudge(String key, LDContext context, AiConfigDefault defaultValue,
            Map<String, ?> variables) {
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
        EvaluatedConfig.Judge config = (EvaluatedConfig.Judge) evaluate(key, context, defaultValue, AiConfigMode.JUDGE,
                extended, true, null);
        List<AiMessage> kept = config.messages().stream().filter(LaunchDarklyAiClient::notALegacyJudgeMessage).toList();
        return kept.size() == config.messages().size() ? config
                : config.withMessages(kept);
    }

    @Override
    public AiJudgeConfig judgeConfigTemplate(String key, LDContext context, AiConfigDefault defaultValue) {
        checkArguments(key, context);
        trackUsage(USAGE_JUDGE_CONFIG_TEMPLATE, key, context);
        return (AiJudgeConfig) evaluate(key, context, defaultValue, AiConfigMode.JUDGE, null, false, null);
    }

    private static boolean notALegacyJudgeMessage(AiMessage message) {
        return message.role() == AiMessage.Role.SYSTEM
                || RESERVED_JUDGE_VARIABLES.stream().noneMatch(name -> message.content().contains("{{" + name + "}}"));
    }

    // ---- agent graphs ---------------------------------------------------------------------------------------------

    @Override
    public AiAgentGraph agentGraph(String graphKey, LDContext context, Map<String, ?> variables) {
        requireKey(graphKey, "agent graph key");
        requireContext(context);
        trackUsage(USAGE_AGENT_GRAPH, graphKey, context);
        GraphFlagValue flag = GraphFlagValue.parse(LDValue.normalize(
                client.jsonValueVariation(graphKey, context, GraphFlagValue.DEFAULT)));
        Supplier<AiGraphTracker> trackers = () -> new GraphTracker(client, context, new GraphTracker.Identity(
                UUID.randomUUID().toString(), graphKey, flag.variationKey(), flag.version()), warnings);
        String disabledReason = flag.disabledReason();
        Map<String, AiAgentConfig> configs = new LinkedHashMap<>();
        if (disabledReason == null) {
            // Every node is evaluated, as in JavaScript, before the first disabled one disables the graph.
            for (String nodeKey : flag.allKeys()) {
                configs.put(nodeKey, (AiAgentConfig) evaluate(nodeKey, context, null, AiConfigMode.AGENT, variables, true,
                        graphKey));
            }
            disabledReason = configs.values().stream().filter(config -> !config.enabled()).findFirst()
                    .map(config -> "the agent config of node '" + config.key() + "' is not enabled").orElse(null);
        }
        if (disabledReason != null) {
            LOG.debugf("agentGraph: the graph %s is disabled: %s", graphKey, disabledReason);
        }
        return new EvaluatedGraph(graphKey, flag, configs, disabledReason, trackers);
    }

    @Override
    public AiGraphTracker graphTrackerFromResumptionToken(String token, LDContext context) {
        requireContext(context);
        return new GraphTracker(client, context, ResumptionToken.decodeGraph(token), warnings);
    }

    // ---- judges ---------------------------------------------------------------------------------------------------

    @Override
    public AiJudgeEvaluator judgeEvaluator(AiJudgeConfiguration judges, LDContext context, AiJudgeModel model,
            Executor executor) {
        Objects.requireNonNull(judges, "The judge configuration must not be null");
        requireContext(context);
        Objects.requireNonNull(model, "The judge model must not be null");
        return new JudgeEvaluator(judges, key -> evaluateJudge(key, context, null, null),
                (config, rate) -> new ModelJudge(config, rate, model, random), executor);
    }

    // ---- trackers -------------------------------------------------------------------------------------------------

    @Override
    public AiConfigTracker trackerFromResumptionToken(String token, LDContext context) {
        requireContext(context);
        return new RunTracker(client, context, ResumptionToken.decode(token), warnings);
    }

    // ---- arguments ------------------------------------------------------------------------------------------------

    /**
     * Rejects what cannot give a config, before any event is sent: a usage event for a call that then fails would
     * count a retrieval that never happened.
     */
    static void checkArguments(String key, LDContext context) {
        requireKey(key, "AI Config key");
        requireContext(context);
    }

    static void requireKey(String key, String what) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("The " + what + " must not be " + (key == null ? "null" : "blank"));
        }
    }

    static void requireContext(LDContext context) {
        Objects.requireNonNull(context, "The LaunchDarkly context must not be null");
    }

    // ---- evaluation -----------------------------------------------------------------------------------------------

    private void trackUsage(String eventKey, String key, LDContext context) {
        client.trackMetric(eventKey, context, LDValue.of(key), 1);
    }

    private EvaluatedConfig evaluate(String key, LDContext context, AiConfigDefault defaultValue, AiConfigMode mode,
            Map<String, ?> variables, boolean interpolate, String graphKey) {
        AiConfigDefault fallback = defaultValue == null ? AiConfigDefault.disabled() : defaultValue;
        LDValue defaultFlag = fallback.toFlagValue(mode);
        LDValue value = client.jsonValueVariation(key, context, defaultFlag);
        if (value == defaultFlag && isUnknown(key)) {
            problems.notFound(key);
        }
        AiFlagValue flag = AiFlagValue.parse(key, LDValue.normalize(value), warnings);
        TrackData trackData = flag.trackData(key, graphKey);
        EvaluatedConfig.Common common = new EvaluatedConfig.Common(key, flag.enabled(), flag.model(), flag.provider(), mode,
                trackData,
                () -> new RunTracker(client, context, trackData.newRun(), warnings));

        if (!mode.wireName().equals(flag.mode())) {
            problems.modeMismatch(key, mode.wireName(), flag.mode());
            EvaluatedConfig.Common disabled = common.disabled();
            return switch (mode) {
                case COMPLETION -> new EvaluatedConfig.Completion(disabled, List.of(), List.of(), null);
                case AGENT -> new EvaluatedConfig.Agent(disabled, null, List.of(), null);
                case JUDGE -> new EvaluatedConfig.Judge(disabled, List.of(), null);
            };
        }

        Map<String, Object> allVariables = interpolate ? variables(variables, context) : null;
        return switch (mode) {
            case COMPLETION ->
                new EvaluatedConfig.Completion(common, messages(key, flag.messages(), allVariables), flag.tools(),
                        flag.judgeConfiguration());
            case AGENT -> new EvaluatedConfig.Agent(common, instructions(key, flag.instructions(), allVariables), flag.tools(),
                    flag.judgeConfiguration());
            case JUDGE -> new EvaluatedConfig.Judge(common, messages(key, flag.messages(), allVariables),
                    flag.evaluationMetricKey());
        };
    }

    /**
     * Whether the SDK served the default because it has no such flag. Asked only when it served the default (the SDK
     * hands back the very default on every error), and not while it has no flag data at all.
     */
    private boolean isUnknown(String key) {
        return !client.isOffline() && client.isInitialized() && !client.isFlagKnown(key);
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
