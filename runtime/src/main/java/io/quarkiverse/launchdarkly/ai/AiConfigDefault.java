package io.quarkiverse.launchdarkly.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;

/**
 * What a config should be when LaunchDarkly has no value for the flag (unknown flag, client not initialized, flag
 * not a JSON object of the right kind). As in the JavaScript SDK, the default is serialized into the flag's shape and
 * given to the SDK as the evaluation default, so a missing flag yields this model, provider and messages.
 * <p>
 * One type serves the three modes; only the parts a mode reads matter ({@code messages} for completion and judge,
 * {@code instructions} for agent, {@code evaluationMetricKey} for judge).
 */
public final class AiConfigDefault {

    private static final AiConfigDefault DISABLED = builder().build();

    private final boolean enabled;
    private final AiModel model;
    private final AiProvider provider;
    private final List<AiMessage> messages;
    private final String instructions;
    private final List<AiTool> tools;
    private final AiJudgeConfiguration judgeConfiguration;
    private final String evaluationMetricKey;

    private AiConfigDefault(Builder builder) {
        this.enabled = builder.enabled;
        this.model = builder.model;
        this.provider = builder.provider;
        this.messages = builder.messages == null ? null : List.copyOf(builder.messages);
        this.instructions = builder.instructions;
        this.tools = builder.tools == null ? null : List.copyOf(builder.tools);
        this.judgeConfiguration = builder.judgeConfiguration;
        this.evaluationMetricKey = builder.evaluationMetricKey;
    }

    /** The default used when none is given: disabled, nothing else. */
    public static AiConfigDefault disabled() {
        return DISABLED;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The flag value the SDK returns when it has none: {@code _ldMeta} with {@code variationKey ""}, {@code enabled} and
     * the requested {@code mode}, then the parts that are set.
     */
    public LDValue toFlagValue(AiConfigMode mode) {
        ObjectBuilder flag = LDValue.buildObject().put("_ldMeta", LDValue.buildObject()
                .put("variationKey", "")
                .put("enabled", enabled)
                .put("mode", mode.wireName())
                .build());
        if (model != null) {
            flag.put("model", model.toLDValue());
        }
        if (messages != null) {
            var array = LDValue.buildArray();
            messages.forEach(message -> array.add(message.toLDValue()));
            flag.put("messages", array.build());
        }
        if (provider != null) {
            flag.put("provider", provider.toLDValue());
        }
        if (instructions != null) {
            flag.put("instructions", instructions);
        }
        if (evaluationMetricKey != null) {
            flag.put("evaluationMetricKey", evaluationMetricKey);
        }
        if (judgeConfiguration != null) {
            flag.put("judgeConfiguration", judgeConfiguration.toLDValue());
        }
        if (tools != null) {
            ObjectBuilder byName = LDValue.buildObject();
            tools.forEach(tool -> byName.put(tool.name(), tool.toLDValue()));
            flag.put("tools", byName.build());
        }
        return flag.build();
    }

    @Override
    public String toString() {
        return "AiConfigDefault" + toFlagValue(AiConfigMode.COMPLETION).toJsonString();
    }

    /** Builds a default; everything is optional and a default is disabled unless {@link #enabled(boolean)} says so. */
    public static final class Builder {
        private boolean enabled;
        private AiModel model;
        private AiProvider provider;
        private List<AiMessage> messages;
        private String instructions;
        private List<AiTool> tools;
        private AiJudgeConfiguration judgeConfiguration;
        private String evaluationMetricKey;

        private Builder() {
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder model(AiModel model) {
            this.model = model;
            return this;
        }

        public Builder provider(AiProvider provider) {
            this.provider = provider;
            return this;
        }

        public Builder provider(String providerName) {
            return provider(new AiProvider(providerName));
        }

        public Builder messages(List<AiMessage> messages) {
            this.messages = new ArrayList<>(messages);
            return this;
        }

        public Builder message(AiMessage message) {
            if (messages == null) {
                messages = new ArrayList<>();
            }
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        public Builder tools(List<AiTool> tools) {
            this.tools = new ArrayList<>(tools);
            return this;
        }

        public Builder judgeConfiguration(AiJudgeConfiguration judgeConfiguration) {
            this.judgeConfiguration = judgeConfiguration;
            return this;
        }

        public Builder evaluationMetricKey(String evaluationMetricKey) {
            this.evaluationMetricKey = evaluationMetricKey;
            return this;
        }

        public AiConfigDefault build() {
            return new AiConfigDefault(this);
        }
    }
}
