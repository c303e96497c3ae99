package io.quarkiverse.launchdarkly.it.docs.ai;

// tag::assistant[]
import java.io.IOException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDefault;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiModel;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;

@ApplicationScoped
public class SupportAssistant {

    @Inject
    LaunchDarklyAi ai;

    @Inject
    ModelClient model; // <1>

    public String answer(LDContext customer, String question) throws IOException {
        AiCompletionConfig config = ai.completionConfig("support-assistant", customer, AiConfigDefault.disabled(),
                Map.of("question", question));
        if (!config.enabled()) {
            return "The assistant is not available.";
        }
        AiConfigTracker tracker = config.createTracker(); // one tracker per run
        Reply reply = tracker.trackMetricsOf(
                r -> AiMetrics.succeeded(AiTokenUsage.of(r.inputTokens(), r.outputTokens())),
                () -> model.chat(config.model().map(AiModel::name).orElse("gpt-4o-mini"), config.messages()));
        return reply.text();
    }
}
// end::assistant[]
