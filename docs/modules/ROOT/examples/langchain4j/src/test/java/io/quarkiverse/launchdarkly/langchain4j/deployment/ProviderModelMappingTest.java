package io.quarkiverse.launchdarkly.langchain4j.deployment;

import static io.quarkiverse.launchdarkly.langchain4j.deployment.AiServiceTestSupport.events;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.quarkiverse.langchain4j.RegisterAiService.NoChatMemoryProviderSupplier;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.langchain4j.LaunchDarklyAiConfig;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;

/**
 * {@code quarkus.launchdarkly.langchain4j.provider-model}: a variation whose provider is mapped is answered by that
 * configured model (here a second OpenAI model with its own API key, so the local server tells them apart), streamed
 * answers included; an unmapped provider keeps the service's own model.
 */
class ProviderModelMappingTest {

    static final String FLAGS = """
            flagValues:
              routed-chat:
                _ldMeta: { enabled: true, variationKey: "claude-v1", version: 1, mode: completion }
                model: { name: "claude-ld" }
                provider: { name: "Anthropic" }
                messages:
                  - { role: system, content: "Be brief." }
              plain-chat:
                _ldMeta: { enabled: true, variationKey: "gpt-v1", version: 1, mode: completion }
                model: { name: "gpt-ld" }
                provider: { name: "openai" }
            """;

    static final LocalOpenAi OPENAI = LocalOpenAi.shared();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(RoutedChat.class, LocalOpenAi.class, AiServiceTestSupport.class)
            .addAsResource(new StringAsset(FLAGS), "launchdarkly/flags.yaml"))
            .overrideConfigKey("quarkus.langchain4j.openai.base-url", OPENAI.baseUrl())
            .overrideConfigKey("quarkus.langchain4j.openai.api-key", "service-key-not-secret")
            .overrideConfigKey("quarkus.langchain4j.second.chat-model.provider", "openai")
            .overrideConfigKey("quarkus.langchain4j.openai.second.base-url", OPENAI.baseUrl())
            .overrideConfigKey("quarkus.langchain4j.openai.second.api-key", "second-key-not-secret")
            .overrideConfigKey("quarkus.launchdarkly.langchain4j.provider-model.anthropic", "second");

    @RegisterAiService(chatMemoryProviderSupplier = NoChatMemoryProviderSupplier.class)
    @ApplicationScoped
    interface RoutedChat {

        @LaunchDarklyAiConfig("routed-chat")
        @UserMessage("{question}")
        String routed(@LaunchDarklyContext String user, String question);

        @LaunchDarklyAiConfig("routed-chat")
        @UserMessage("{question}")
        Multi<String> routedStream(@LaunchDarklyContext String user, String question);

        @LaunchDarklyAiConfig("plain-chat")
        @UserMessage("{question}")
        String plain(@LaunchDarklyContext String user, String question);
    }

    @Inject
    RoutedChat chat;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    LDClientInterface client;

    @BeforeEach
    void reset() {
        events(client, local);
        local.reset();
        OPENAI.clear();
    }

    @Test
    void aMappedProviderIsAnsweredByItsConfiguredModelWithTheVariationsModelName() {
        assertThat(chat.routed("user-ivy", "Hi")).isEqualTo("Answer to: Hi");

        JsonNode request = OPENAI.requests().get(0);
        assertThat(request.path("_authorization").asText()).isEqualTo("Bearer second-key-not-secret");
        assertThat(request.path("model").asText()).isEqualTo("claude-ld");
        assertThat(events(client, local)).extracting(RecordedEvent::key).contains("$ld:ai:generation:success",
                "$ld:ai:tokens:total");
    }

    @Test
    void aStreamedAnswerOfAMappedProviderIsStreamedByItsConfiguredModel() {
        assertThat(String.join("", chat.routedStream("user-ivy", "Hi").collect().asList().await()
                .atMost(AiServiceTestSupport.WAIT))).isEqualTo("Answer to: Hi");

        assertThat(OPENAI.requests().get(0).path("_authorization").asText())
                .isEqualTo("Bearer second-key-not-secret");
        assertThat(OPENAI.requests().get(0).path("stream").asBoolean()).isTrue();
    }

    @Test
    void anUnmappedProviderKeepsTheServicesModel() {
        chat.plain("user-ivy", "Hi");

        assertThat(OPENAI.requests().get(0).path("_authorization").asText())
                .isEqualTo("Bearer service-key-not-secret");
    }
}
