package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.List;
import java.util.Optional;

/** An agent config: instructions (interpolated unless from a template method) instead of messages, tools, judges. */
public final class AiAgentConfig extends AiConfig {

    private final String instructions;
    private final List<AiTool> tools;
    private final AiJudgeConfiguration judgeConfiguration;

    AiAgentConfig(ConfigCommon common, String instructions, List<AiTool> tools,
            AiJudgeConfiguration judgeConfiguration) {
        super(common);
        this.instructions = instructions;
        this.tools = List.copyOf(tools);
        this.judgeConfiguration = judgeConfiguration;
    }

    /** The instructions, empty when the flag has none or the config is disabled by a mode mismatch. */
    public Optional<String> instructions() {
        return Optional.ofNullable(instructions);
    }

    public List<AiTool> tools() {
        return tools;
    }

    public Optional<AiJudgeConfiguration> judgeConfiguration() {
        return Optional.ofNullable(judgeConfiguration);
    }

    @Override
    public String toString() {
        return super.toString() + "{instructions=" + instructions + "}";
    }
}
