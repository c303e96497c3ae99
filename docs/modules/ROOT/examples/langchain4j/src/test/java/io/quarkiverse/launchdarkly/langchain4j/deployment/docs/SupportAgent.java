package io.quarkiverse.launchdarkly.langchain4j.deployment.docs;

// tag::service[]
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Fallback;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.langchain4j.LaunchDarklyAiConfig;
import io.smallrye.mutiny.Multi;

@RegisterAiService
@ApplicationScoped
@LaunchDarklyAiConfig("support-agent") // <1>
public interface SupportAgent {

    @SystemMessage("You are a support agent.") // <2>
    @UserMessage("Question about {product}: {question}")
    @Fallback(fallbackMethod = "unavailable") // <3>
    String answer(@LaunchDarklyContext String customerKey, String product, String question); // <4>

    @UserMessage("{question}")
    Multi<String> stream(@LaunchDarklyContext String customerKey, String question); // <5>

    default String unavailable(String customerKey, String product, String question) {
        return "The assistant is not available; a person will answer you.";
    }
}
// end::service[]
