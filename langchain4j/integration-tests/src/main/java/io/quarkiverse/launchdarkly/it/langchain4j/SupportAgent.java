package io.quarkiverse.launchdarkly.it.langchain4j;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Fallback;

import com.launchdarkly.sdk.LDContext;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.langchain4j.LaunchDarklyAiConfig;

/**
 * The support agent: a plain quarkus-langchain4j AI service, answered by {@link LocalSupportModel}. Its prompt, model
 * and parameters come from the AI Config {@code support-agent.chat} for each customer (per tier, see
 * {@code flags.yaml}); every call is recorded for the AI Config's Monitoring tab and graded by its judge. No
 * LaunchDarkly code runs in it.
 */
// The local model, and no chat memory: each question is answered on its own.
@RegisterAiService(chatLanguageModelSupplier = LocalSupportModel.Supply.class, chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface SupportAgent {

    @LaunchDarklyAiConfig("support-agent.chat")
    @SystemMessage("You are a support agent.")
    @UserMessage("{question}")
    @Fallback(fallbackMethod = "humanWillAnswer")
    String answer(@LaunchDarklyContext LDContext customer, String question);

    /** For the customers whose variation is disabled (the trial tier): no model is called. */
    default String humanWillAnswer(LDContext customer, String question) {
        return "Thanks, a member of our team will answer you by email.";
    }
}
