package io.quarkiverse.launchdarkly.ai;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.LDValueType;

/**
 * The AI provider an AI Config names ({@code openai}, {@code bedrock}, ...).
 *
 * @param name the provider name, {@code null} when the flag's provider has none (trackers then send {@code ""})
 */
public record AiProvider(String name) {

    public LDValue toLDValue() {
        return name == null ? LDValue.buildObject().build() : LDValue.buildObject().put("name", name).build();
    }

    /** Reads the {@code provider} object of an AI Config flag value; {@code null} when it is not an object. */
    public static AiProvider fromLDValue(LDValue provider) {
        return provider.getType() == LDValueType.OBJECT ? new AiProvider(provider.get("name").stringValue()) : null;
    }
}
