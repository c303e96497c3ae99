package io.quarkiverse.launchdarkly.it.docs.ai;

// tag::imports[]
import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDefault;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiMessage;
import io.quarkiverse.launchdarkly.ai.AiModel;
import io.quarkiverse.launchdarkly.ai.AiVariable;

// end::imports[]

/** The docs' @AiGeneration examples with a fallback, a default config, and none of either. */
@ApplicationScoped
public class TriageAgent {

    @Inject
    ModelClient model;

    // tag::triage[]
    @AiGeneration(config = "triage-agent", fallback = "manualTriage", defaultConfig = "triageDefault")
    public Reply triage(@LaunchDarklyContext LDContext customer, @AiVariable("ticket") String ticket, AiAgentConfig agent,
            AiConfigTracker tracker) throws IOException {
        tracker.trackToolCall("lookup_ticket"); // a tool your agent loop ran
        return model.chat(agent.model().map(AiModel::name).orElseThrow(),
                List.of(AiMessage.system(agent.instructions().orElse("")), AiMessage.user(ticket)));
    }

    Reply manualTriage(LDContext customer, String ticket, AiAgentConfig agent, AiConfigTracker tracker) {
        // agent is the disabled config; agent and tracker are null without a context
        return new Reply("Sent to the support queue: " + ticket, 0, 0, 0, true, List.of());
    }

    AiConfigDefault triageDefault() {
        return AiConfigDefault.builder()
                .enabled(true)
                .model(AiModel.named("gpt-4o-mini"))
                .provider("openai")
                .instructions("Sort the ticket of {{ldctx.key}} into billing, technical or account.")
                .build();
    }
    // end::triage[]

    /** No fallback: a disabled config throws AiConfigDisabledException, which TicketSummaryResource maps to 503. */
    @AiGeneration(config = "ticket-summary")
    public Reply summarize(@LaunchDarklyContext String customer, @AiVariable("ticket") String ticket,
            AiCompletionConfig config) throws IOException {
        return model.chat(config.model().map(AiModel::name).orElseThrow(), config.messages());
    }
}
