package io.quarkiverse.launchdarkly.ai;

import java.util.List;
import java.util.Optional;

/** An agent config: instructions (interpolated unless from a template method) instead of messages, tools, judges. */
public interface AiAgentConfig extends AiConfig {

    /** The instructions, empty when the flag has none or the config is disabled by a mode mismatch. */
    Optional<String> instructions();

    /** The tools the variation offers the agent, empty when none. */
    List<AiTool> tools();

    /** The judges that grade this variation's answers, when the variation lists any. */
    Optional<AiJudgeConfiguration> judgeConfiguration();
}
