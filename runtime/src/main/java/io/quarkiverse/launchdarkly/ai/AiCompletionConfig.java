package io.quarkiverse.launchdarkly.ai;

import java.util.List;
import java.util.Optional;

/** A completion config: the prompt messages (interpolated unless from a template method), tools and judges. */
public interface AiCompletionConfig extends AiConfig {

    /** The messages, empty when the flag has none or the config is disabled by a mode mismatch. */
    List<AiMessage> messages();

    /** The tools the variation offers the model, empty when none. */
    List<AiTool> tools();

    /** The judges that grade this variation's answers, when the variation lists any. */
    Optional<AiJudgeConfiguration> judgeConfiguration();
}
