package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigMode;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfig;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfiguration;
import io.quarkiverse.launchdarkly.ai.AiMessage;
import io.quarkiverse.launchdarkly.ai.AiModel;
import io.quarkiverse.launchdarkly.ai.AiProvider;
import io.quarkiverse.launchdarkly.ai.AiTool;

/**
 * An AI Config as {@link LaunchDarklyAiClient} evaluated it: the parts the three modes share, and the tracker fields
 * its runs start from.
 */
abstract sealed class EvaluatedConfig implements AiConfig
        permits EvaluatedConfig.Completion, EvaluatedConfig.Agent, EvaluatedConfig.Judge {

    /**
     * The shared parts, in one value so that the constructors stay short.
     *
     * @param key the AI Config key
     * @param enabled whether the flag's {@code _ldMeta.enabled} is literally {@code true}
     * @param model the model, {@code null} when none
     * @param provider the provider, {@code null} when none
     * @param mode the mode the config was asked in
     * @param trackData the tracker fields (without a run id) read from the flag
     * @param trackers makes a tracker for a new run
     */
    record Common(String key, boolean enabled, AiModel model, AiProvider provider, AiConfigMode mode,
            TrackData trackData, Supplier<AiConfigTracker> trackers) {

        /** The same parts, disabled and without model or provider (a mode mismatch). */
        Common disabled() {
            return new Common(key, false, null, null, mode, trackData, trackers);
        }
    }

    private final Common common;

    EvaluatedConfig(Common common) {
        this.common = common;
    }

    Common common() {
        return common;
    }

    @Override
    public String key() {
        return common.key();
    }

    @Override
    public boolean enabled() {
        return common.enabled();
    }

    @Override
    public Optional<AiModel> model() {
        return Optional.ofNullable(common.model());
    }

    @Override
    public Optional<AiProvider> provider() {
        return Optional.ofNullable(common.provider());
    }

    @Override
    public AiConfigMode mode() {
        return common.mode();
    }

    @Override
    public String variationKey() {
        return common.trackData().variationKey();
    }

    @Override
    public int version() {
        return common.trackData().version();
    }

    @Override
    public Optional<String> modelKey() {
        return Optional.ofNullable(common.trackData().modelKey());
    }

    @Override
    public int modelVersion() {
        return common.trackData().modelVersion();
    }

    @Override
    public AiConfigTracker createTracker() {
        return common.trackers().get();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[key=" + key() + ", enabled=" + enabled() + ", variationKey="
                + variationKey() + ", version=" + version() + ", model=" + common.model() + ", provider="
                + common.provider() + "]";
    }

    /** A completion config. */
    static final class Completion extends EvaluatedConfig implements AiCompletionConfig {

        private final List<AiMessage> messages;
        private final List<AiTool> tools;
        private final AiJudgeConfiguration judgeConfiguration;

        Completion(Common common, List<AiMessage> messages, List<AiTool> tools, AiJudgeConfiguration judgeConfiguration) {
            super(common);
            this.messages = List.copyOf(messages);
            this.tools = List.copyOf(tools);
            this.judgeConfiguration = judgeConfiguration;
        }

        @Override
        public List<AiMessage> messages() {
            return messages;
        }

        @Override
        public List<AiTool> tools() {
            return tools;
        }

        @Override
        public Optional<AiJudgeConfiguration> judgeConfiguration() {
            return Optional.ofNullable(judgeConfiguration);
        }

        @Override
        public String toString() {
            return super.toString() + "{messages=" + messages + "}";
        }
    }

    /** An agent config. */
    static final class Agent extends EvaluatedConfig implements AiAgentConfig {

        private final String instructions;
        private final List<AiTool> tools;
        private final AiJudgeConfiguration judgeConfiguration;

        Agent(Common common, String instructions, List<AiTool> tools, AiJudgeConfiguration judgeConfiguration) {
            super(common);
            this.instructions = instructions;
            this.tools = List.copyOf(tools);
            this.judgeConfiguration = judgeConfiguration;
        }

        @Override
        public Optional<String> instructions() {
            return Optional.ofNullable(instructions);
        }

        @Override
        public List<AiTool> tools() {
            return tools;
        }

        @Override
        public Optional<AiJudgeConfiguration> judgeConfiguration() {
            return Optional.ofNullable(judgeConfiguration);
        }

        @Override
        public String toString() {
            return super.toString() + "{instructions=" + instructions + "}";
        }
    }

    /** A judge config. */
    static final class Judge extends EvaluatedConfig implements AiJudgeConfig {

        private final List<AiMessage> messages;
        private final String evaluationMetricKey;

        Judge(Common common, List<AiMessage> messages, String evaluationMetricKey) {
            super(common);
            this.messages = List.copyOf(messages);
            this.evaluationMetricKey = evaluationMetricKey;
        }

        @Override
        public List<AiMessage> messages() {
            return messages;
        }

        @Override
        public Optional<String> evaluationMetricKey() {
            return Optional.ofNullable(evaluationMetricKey);
        }

        /** The same judge with other messages. */
        Judge withMessages(List<AiMessage> kept) {
            return new Judge(common(), kept, evaluationMetricKey);
        }

        @Override
        public String toString() {
            return super.toString() + "{evaluationMetricKey=" + evaluationMetricKey + ", messages=" + messages + "}";
        }
    }
}
