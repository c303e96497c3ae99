package io.quarkiverse.launchdarkly.runtime.ai.generation;

import java.util.List;
import java.util.Locale;

import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfiguration;
import io.quarkiverse.launchdarkly.ai.AiMessage;
import io.quarkiverse.launchdarkly.runtime.ai.JudgeDispatcher;

/**
 * The judges of one {@code @AiGeneration} call: what the model was asked, and where its answer goes to be graded.
 * The input is the variation's prompt (its messages, or an agent's instructions) followed by the call's text
 * arguments, one line each, as {@code role: text}, written when the answer is handed over; the answer is the result's
 * text. Only made when something will be graded, so a call whose variation lists no judges pays nothing.
 */
final class Grading {

    private final JudgeDispatcher judges;
    private final AiJudgeConfiguration configuration;
    private final GenerationPlan plan;
    private final AiConfig config;
    private final Object[] args;

    private Grading(JudgeDispatcher judges, AiJudgeConfiguration configuration, GenerationPlan plan, AiConfig config,
            Object[] args) {
        this.judges = judges;
        this.configuration = configuration;
        this.plan = plan;
        this.config = config;
        this.args = args;
    }

    /** The grading of this call, or {@code null} when no judge will run. */
    static Grading of(JudgeDispatcher judges, GenerationPlan plan, AiConfig config, Object[] args) {
        if (!plan.judges() || judges == null || !judges.active() || config == null || !config.enabled()) {
            return null;
        }
        AiJudgeConfiguration configuration = null; // a judge's own call is not graded
        if (config instanceof AiCompletionConfig completion) {
            configuration = completion.judgeConfiguration().orElse(null);
        } else if (config instanceof AiAgentConfig agent) {
            configuration = agent.judgeConfiguration().orElse(null);
        }
        if (configuration == null || configuration.judges().isEmpty()) {
            return null;
        }
        return new Grading(judges, configuration, plan, config, args);
    }

    private static String input(GenerationPlan plan, AiConfig config, Object[] args) {
        StringBuilder input = new StringBuilder();
        if (config instanceof AiCompletionConfig completion) {
            List<AiMessage> messages = completion.messages();
            for (AiMessage message : messages) {
                line(input, message.role().name().toLowerCase(Locale.ROOT), message.content());
            }
        } else if (config instanceof AiAgentConfig agent) {
            agent.instructions().ifPresent(instructions -> line(input, "system", instructions));
        }
        for (int i = 0; i < args.length; i++) {
            if (i != plan.contextParameter() && args[i] instanceof String text) {
                line(input, "user", text);
            }
        }
        return input.toString();
    }

    private static void line(StringBuilder input, String role, String text) {
        if (!input.isEmpty()) {
            input.append('\n');
        }
        input.append(role).append(": ").append(text);
    }

    /** Hands the answer to the judges in the background; returns at once and never throws. */
    void grade(AiConfigTracker run, String answer) {
        if (answer != null && !answer.isBlank()) {
            // The input is written only if a judge can be queued.
            judges.dispatchLazily(() -> input(plan, config, args), answer, run, configuration);
        }
    }
}
