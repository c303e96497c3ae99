package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.LDValueType;

import io.quarkiverse.launchdarkly.ai.AiConfigMode;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfiguration;
import io.quarkiverse.launchdarkly.ai.AiMessage;
import io.quarkiverse.launchdarkly.ai.AiModel;
import io.quarkiverse.launchdarkly.ai.AiProvider;
import io.quarkiverse.launchdarkly.ai.AiTool;

/**
 * An AI Config flag value read from its JSON, as LaunchDarkly serves it (or as a default serializes into it).
 * Anything of the wrong JSON type counts as absent, so a malformed flag gives a disabled, empty config instead of an
 * exception.
 *
 * @param enabled {@code _ldMeta.enabled} literally {@code true}
 * @param variationKey {@code _ldMeta.variationKey}, {@code ""} when absent
 * @param version {@code _ldMeta.version}, 1 when absent
 * @param mode {@code _ldMeta.mode} as written, {@code completion} when absent
 * @param modelKey {@code _ldMeta.modelKey}, may be {@code null}
 * @param modelVersion {@code _ldMeta.modelVersion}, 1 when absent
 * @param model the model, may be {@code null}
 * @param provider the provider, may be {@code null}
 * @param messages the messages, empty when absent
 * @param instructions the instructions, may be {@code null}
 * @param tools the tools resolved as the reference says
 * @param judgeConfiguration the judges, may be {@code null}
 * @param evaluationMetricKey the judge's metric key resolved as the reference says, may be {@code null}
 */
record AiFlagValue(boolean enabled, String variationKey, int version, String mode, String modelKey, int modelVersion,
        AiModel model, AiProvider provider, List<AiMessage> messages, String instructions, List<AiTool> tools,
        AiJudgeConfiguration judgeConfiguration, String evaluationMetricKey) {

    static AiFlagValue parse(String key, LDValue value, Consumer<String> warnings) {
        LDValue meta = value.get("_ldMeta");
        LDValue enabled = meta.get("enabled");
        LDValue version = meta.get("version");
        LDValue modelVersion = meta.get("modelVersion");
        LDValue mode = meta.get("mode");
        return new AiFlagValue(
                enabled.getType() == LDValueType.BOOLEAN && enabled.booleanValue(),
                Optional.ofNullable(meta.get("variationKey").stringValue()).orElse(""),
                version.isNumber() ? version.intValue() : 1,
                mode.isNull() ? AiConfigMode.COMPLETION.wireName() : mode.isString() ? mode.stringValue() : mode.toJsonString(),
                meta.get("modelKey").stringValue(),
                modelVersion.isNumber() ? modelVersion.intValue() : 1,
                AiModel.fromLDValue(value.get("model")),
                AiProvider.fromLDValue(value.get("provider")),
                messages(key, value.get("messages"), warnings),
                value.get("instructions").stringValue(),
                tools(value),
                AiJudgeConfiguration.fromLDValue(value.get("judgeConfiguration")),
                evaluationMetricKey(value));
    }

    /** The tracker fields of this value, without a run id. */
    TrackData trackData(String configKey, String graphKey) {
        return new TrackData(null, configKey, variationKey, version, model == null ? "" : model.name(),
                provider == null ? "" : provider.name(), modelVersion, modelKey, graphKey);
    }

    private static List<AiMessage> messages(String key, LDValue messages, Consumer<String> warnings) {
        List<AiMessage> result = new ArrayList<>();
        for (LDValue message : arrayElements(messages)) {
            String roleName = message.get("role").stringValue();
            Optional<AiMessage.Role> role = AiMessage.Role.fromWireName(roleName);
            if (role.isEmpty()) {
                // JavaScript passes any role string through; a Java enum cannot, so say what is left out.
                warnings.accept("AI Config " + key + " has a message with unknown role '" + roleName
                        + "'; the message is left out.");
                continue;
            }
            result.add(new AiMessage(role.get(), message.get("content").stringValue()));
        }
        return result;
    }

    /**
     * A root {@code tools} object wins (the map key is the name when an entry has none); otherwise the entries of
     * {@code model.parameters.tools[]} that have a name.
     */
    private static List<AiTool> tools(LDValue value) {
        List<AiTool> tools = new ArrayList<>();
        LDValue root = value.get("tools");
        if (root.getType() == LDValueType.OBJECT) {
            for (String name : root.keys()) {
                tools.add(AiTool.fromLDValue(name, root.get(name)));
            }
            return tools;
        }
        for (LDValue entry : arrayElements(value.get("model").get("parameters").get("tools"))) {
            String name = entry.get("name").stringValue();
            if (name != null && !name.isEmpty()) {
                tools.add(AiTool.fromLDValue(name, entry));
            }
        }
        return tools;
    }

    private static String evaluationMetricKey(LDValue value) {
        String single = value.get("evaluationMetricKey").stringValue();
        if (single != null && !single.isBlank()) {
            return single.trim();
        }
        for (LDValue candidate : arrayElements(value.get("evaluationMetricKeys"))) {
            String key = candidate.stringValue();
            if (key != null && !key.isBlank()) {
                return key.trim();
            }
        }
        return null;
    }

    /** The elements of a JSON array; none for anything else ({@link LDValue#values()} would walk an object too). */
    static Iterable<LDValue> arrayElements(LDValue array) {
        return array.getType() == LDValueType.ARRAY ? array.values() : List.of();
    }
}
