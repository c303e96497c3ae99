package io.quarkiverse.launchdarkly.langchain4j.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.quarkiverse.langchain4j.RegisterAiService.NoChatMemoryProviderSupplier;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.langchain4j.LaunchDarklyAiConfig;
import io.quarkus.test.QuarkusUnitTest;

/** A provider mapped to a model that is not configured fails the start, naming the property and the model. */
class ProviderModelMappingMissingModelTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Chat.class))
            .overrideConfigKey("quarkus.langchain4j.openai.api-key", "test-key-not-secret")
            .overrideConfigKey("quarkus.launchdarkly.langchain4j.provider-model.gemini", "nowhere")
            .assertException(failure -> {
                Throwable cause = failure;
                while (cause.getCause() != null && !cause.getMessage().contains("provider-model")) {
                    cause = cause.getCause();
                }
                assertThat(cause.getMessage())
                        .contains("quarkus.launchdarkly.langchain4j.provider-model.\"gemini\"")
                        .contains("'nowhere'");
            });

    @RegisterAiService(chatMemoryProviderSupplier = NoChatMemoryProviderSupplier.class)
    @ApplicationScoped
    interface Chat {

        @LaunchDarklyAiConfig("any-chat")
        @UserMessage("{question}")
        String answer(@LaunchDarklyContext String user, String question);
    }

    @Test
    void theApplicationDoesNotStart() {
        // assertException checks the failure
    }
}
