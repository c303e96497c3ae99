package io.quarkiverse.launchdarkly.ai;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.LDValueType;
import com.launchdarkly.sdk.ObjectBuilder;

/**
 * The model an AI Config names, with its parameters (temperature, max tokens, ...) and custom values, kept as
 * {@link LDValue} because their shape is whatever the flag author wrote.
 *
 * @param name the model name, {@code null} when the flag has none (trackers then send {@code ""})
 * @param parameters the model parameters, empty when none
 * @param custom the custom values, empty when none
 */
public record AiModel(String name, Map<String, LDValue> parameters, Map<String, LDValue> custom) {

    public AiModel {
        parameters = parameters == null ? Map.of() : copy(parameters);
        custom = custom == null ? Map.of() : copy(custom);
    }

    public static AiModel named(String name) {
        return new AiModel(name, Map.of(), Map.of());
    }

    /** A copy with one more parameter, for building defaults. */
    public AiModel withParameter(String parameterName, LDValue value) {
        Map<String, LDValue> more = new LinkedHashMap<>(parameters);
        more.put(parameterName, value);
        return new AiModel(name, more, custom);
    }

    public Optional<LDValue> parameter(String parameterName) {
        return Optional.ofNullable(parameters.get(parameterName));
    }

    /** The parameters as one JSON object. */
    public LDValue parametersValue() {
        return toObject(parameters);
    }

    /** {@code {"name", "parameters", "custom"}}, each only when present, the flag's shape. */
    public LDValue toLDValue() {
        ObjectBuilder model = LDValue.buildObject();
        if (name != null) {
            model.put("name", name);
        }
        if (!parameters.isEmpty()) {
            model.put("parameters", toObject(parameters));
        }
        if (!custom.isEmpty()) {
            model.put("custom", toObject(custom));
        }
        return model.build();
    }

    /** Reads the {@code model} object of an AI Config flag value; {@code null} when it is not an object. */
    public static AiModel fromLDValue(LDValue model) {
        if (model.getType() != LDValueType.OBJECT) {
            return null;
        }
        return new AiModel(model.get("name").stringValue(), toMap(model.get("parameters")), toMap(model.get("custom")));
    }

    private static Map<String, LDValue> toMap(LDValue object) {
        Map<String, LDValue> map = new LinkedHashMap<>();
        if (object.getType() == LDValueType.OBJECT) {
            for (String key : object.keys()) {
                map.put(key, object.get(key));
            }
        }
        return map;
    }

    private static LDValue toObject(Map<String, LDValue> map) {
        ObjectBuilder object = LDValue.buildObject();
        map.forEach((key, value) -> object.put(key, value == null ? LDValue.ofNull() : value));
        return object.build();
    }

    private static Map<String, LDValue> copy(Map<String, LDValue> map) {
        // Map.copyOf refuses null values; a JSON null is LDValue.ofNull() here.
        Map<String, LDValue> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, LDValue.normalize(value)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
