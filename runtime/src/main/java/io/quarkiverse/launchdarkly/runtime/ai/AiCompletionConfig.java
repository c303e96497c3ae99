package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.List;
import java.util.Optional;

/** A completion config: the prompt messages (interpolated unless from a template method), tools and judges. */
public final class AiCompletionConfig extends AiConfig {

    private final List<AiMessage> messages;
    private final List<AiTool> tools;
    private final AiJudgeConfiguration judgeConfiguration;

    AiCompletionConfig(ConfigCommon common, List<AiMessage> messages, List<AiTool> tools,
            AiJudgeConfiguration judgeConfiguration) {
        super(common);
        this.messages = List.copyOf(messages);
        this.tools = List.copyOf(tools);
        this.judgeConfiguration = judgeConfiguration;
    }

    /** The messages, empty when the flag has none or the config is disabled by a mode mismatch. */
    public List<AiMessage> messages() {
        return messages;
    }

    public List<AiTool> tools() {
        return tools;
    }

    public Optional<AiJudgeConfiguration> judgeConfiguration() {
        return Optional.ofNullable(judgeConfiguration);
    }

    @Override
    public String toString() {
        return super.toString() + "{messages=" + messages + "}";
    }
}
