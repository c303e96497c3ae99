package io.quarkiverse.launchdarkly.ai;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;

/**
 * A tool the model may call, from the flag's root {@code tools} map or, without one, from
 * {@code model.parameters.tools[]}.
 *
 * @param name the tool name (the map key when a root-map entry has no {@code name})
 * @param description what the tool does, {@code null} when absent
 * @param type the tool type, such as {@code function}, {@code null} when absent
 * @param parameters the JSON schema of the tool's arguments, {@link LDValue#ofNull()} when absent
 */
public record AiTool(String name, String description, String type, LDValue parameters) {

    public AiTool {
        parameters = LDValue.normalize(parameters);
    }

    /** The flag's shape of one tool. */
    public LDValue toLDValue() {
        ObjectBuilder tool = LDValue.buildObject().put("name", name);
        if (description != null) {
            tool.put("description", description);
        }
        if (type != null) {
            tool.put("type", type);
        }
        if (!parameters.isNull()) {
            tool.put("parameters", parameters);
        }
        return tool.build();
    }

    /** Reads one tool of an AI Config flag value, named {@code fallbackName} when the tool has no name of its own. */
    public static AiTool fromLDValue(String fallbackName, LDValue tool) {
        String name = tool.get("name").isString() ? tool.get("name").stringValue() : fallbackName;
        return new AiTool(name, tool.get("description").stringValue(), tool.get("type").stringValue(),
                tool.get("parameters"));
    }
}
