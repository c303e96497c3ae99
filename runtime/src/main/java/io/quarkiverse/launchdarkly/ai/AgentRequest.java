package io.quarkiverse.launchdarkly.ai;

import java.util.Map;
import java.util.Objects;

/**
 * One agent config of a batch ({@link LaunchDarklyAi#agentConfigs}).
 *
 * @param key the AI Config key
 * @param defaultValue the default, {@link AiConfigDefault#disabled()} when {@code null}
 * @param variables the interpolation variables, none when {@code null}
 */
public record AgentRequest(String key, AiConfigDefault defaultValue, Map<String, ?> variables) {

    public AgentRequest {
        Objects.requireNonNull(key, "The AI Config key of an agent request must not be null");
        if (key.isBlank()) {
            throw new IllegalArgumentException("The AI Config key of an agent request must not be blank");
        }
        defaultValue = defaultValue == null ? AiConfigDefault.disabled() : defaultValue;
        variables = variables == null ? Map.of() : variables;
    }

    public static AgentRequest of(String key) {
        return new AgentRequest(key, null, null);
    }

    public static AgentRequest of(String key, AiConfigDefault defaultValue) {
        return new AgentRequest(key, defaultValue, null);
    }

    public static AgentRequest of(String key, AiConfigDefault defaultValue, Map<String, ?> variables) {
        return new AgentRequest(key, defaultValue, variables);
    }
}
