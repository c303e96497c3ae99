package io.quarkiverse.launchdarkly.langchain4j.deployment;

import static io.quarkiverse.launchdarkly.langchain4j.deployment.AiServiceTestSupport.assertEvent;
import static io.quarkiverse.launchdarkly.langchain4j.deployment.AiServiceTestSupport.events;
import static io.quarkiverse.launchdarkly.langchain4j.deployment.AiServiceTestSupport.trackData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.quarkiverse.langchain4j.RegisterAiService.NoChatMemoryProviderSupplier;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiConfigDisabledException;
import io.quarkiverse.launchdarkly.ai.AiConfigMode;
import io.quarkiverse.launchdarkly.langchain4j.LaunchDarklyAiConfig;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;

/**
 * Real quarkus-langchain4j AI services on the real OpenAI client, against a local OpenAI-compatible server that
 * records what it was asked, and the stand-in that records the events: the flag's system message and parameters
 * reach the provider request, and each call is one run whose events are checked field by field.
 */
class LaunchDarklyAiConfigOpenAiTest {

    static final LocalOpenAi OPENAI = LocalOpenAi.shared();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(SupportChat.class, WeatherChat.class, Triage.class, WeatherTools.class, LocalOpenAi.class,
                    AiServiceTestSupport.class)
            .addAsResource(new StringAsset(AiServiceTestSupport.FLAGS), "launchdarkly/flags.yaml"))
            .overrideConfigKey("quarkus.langchain4j.openai.base-url", OPENAI.baseUrl())
            .overrideConfigKey("quarkus.langchain4j.openai.api-key", "test-key-not-secret")
            .overrideConfigKey("quarkus.langchain4j.openai.chat-model.model-name", "gpt-configured")
            .overrideConfigKey("quarkus.langchain4j.openai.chat-model.temperature", "1.0");

    static final LDContext ANN = LDContext.builder("user-ann").name("Ann").build();

    @RegisterAiService(chatMemoryProviderSupplier = NoChatMemoryProviderSupplier.class)
    @ApplicationScoped
    @LaunchDarklyAiConfig("support-chat")
    interface SupportChat {

        @SystemMessage("The service's own system message")
        @UserMessage("Question about {topic}: {question}")
        String answer(@LaunchDarklyContext LDContext user, String topic, String question);

        @UserMessage("{question}")
        Multi<String> stream(@LaunchDarklyContext String user, String question);

        @LaunchDarklyAiConfig("chat-off")
        @SystemMessage("The service's own system message")
        @UserMessage("{question}")
        String off(@LaunchDarklyContext String user, String question);

        /** Not a model call, though the interface's binding reaches it. */
        default String help() {
            return "Ask about billing";
        }
    }

    /** Tools need chat memory: the only call of this service is the tool test's. */
    @RegisterAiService(tools = WeatherTools.class)
    @ApplicationScoped
    @LaunchDarklyAiConfig("support-chat")
    interface WeatherChat {

        @SystemMessage("The service's own system message")
        @UserMessage("Question about {topic}: {question}")
        String answer(@LaunchDarklyContext LDContext user, String topic, String question);
    }

    @RegisterAiService(chatMemoryProviderSupplier = NoChatMemoryProviderSupplier.class)
    @ApplicationScoped
    interface Triage {

        @LaunchDarklyAiConfig(value = "triage-agent", mode = AiConfigMode.AGENT)
        @UserMessage("{request}")
        String triage(@LaunchDarklyContext String user, String request);

        @UserMessage("{request}")
        String unbound(String request);
    }

    @ApplicationScoped
    public static class WeatherTools {

        @Tool("The weather in a city")
        public String weather(String city) {
            return "Sunny in " + city;
        }
    }

    @Inject
    SupportChat chat;

    @Inject
    WeatherChat weather;

    @Inject
    Triage triage;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    LDClientInterface client;

    @BeforeEach
    void reset() {
        events(client, local); // let the events of the previous test arrive before forgetting them
        local.reset();
        OPENAI.clear();
    }

    @Test
    void theVariationsSystemMessageAndParametersReachTheProviderAndTheRunIsRecorded() {
        String answer = chat.answer(ANN, "billing", "Where is my invoice?");

        assertThat(answer).isEqualTo("Answer to: Question about billing: Where is my invoice?");
        assertThat(OPENAI.requests()).hasSize(1);
        JsonNode request = OPENAI.requests().get(0);
        assertThat(messages(request)).containsExactly(
                "system: You help Ann with billing.",
                "user: Question about billing: Where is my invoice?");
        assertThat(request.path("model").asText()).isEqualTo("gpt-ld");
        assertThat(request.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(request.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(maxTokens(request)).isEqualTo(200);
        assertThat(request.path("stop").toString()).isEqualTo("[\"END\"]");

        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:duration:total", "$ld:ai:generation:success", "$ld:ai:tokens:total", "$ld:ai:tokens:input",
                "$ld:ai:tokens:output");
        String runId = events.get(1).data().get("runId").stringValue();
        LDValue data = trackData(runId, "support-chat", "chat-v2", 4, "gpt-ld", "openai").build();
        assertEvent(events.get(0), "$ld:ai:usage:completion-config", "user-ann", LDValue.of("support-chat"), 1);
        assertEvent(events.get(1), "$ld:ai:duration:total", "user-ann", data, events.get(1).metricValue());
        assertEvent(events.get(2), "$ld:ai:generation:success", "user-ann", data, 1);
        assertEvent(events.get(3), "$ld:ai:tokens:total", "user-ann", data, 15);
        assertEvent(events.get(4), "$ld:ai:tokens:input", "user-ann", data, 10);
        assertEvent(events.get(5), "$ld:ai:tokens:output", "user-ann", data, 5);
    }

    @Test
    void aCallWithTwoToolCallsIsOneRunWithTheTokensOfEveryModelRequestAndEachTool() {
        String answer = weather.answer(ANN, "travel", "What is the weather?");

        assertThat(answer).isEqualTo("Sunny in Paris and Rome");
        assertThat(OPENAI.requests()).hasSize(3);
        for (JsonNode request : OPENAI.requests()) {
            assertThat(messages(request).get(0)).isEqualTo("system: You help Ann with travel.");
            assertThat(request.path("model").asText()).isEqualTo("gpt-ld");
        }

        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:duration:total", "$ld:ai:generation:success", "$ld:ai:tokens:total", "$ld:ai:tokens:input",
                "$ld:ai:tokens:output", "$ld:ai:tool_call", "$ld:ai:tool_call");
        String runId = events.get(1).data().get("runId").stringValue();
        LDValue data = trackData(runId, "support-chat", "chat-v2", 4, "gpt-ld", "openai").build();
        assertEvent(events.get(3), "$ld:ai:tokens:total", "user-ann", data, 45);
        assertEvent(events.get(4), "$ld:ai:tokens:input", "user-ann", data, 30);
        assertEvent(events.get(5), "$ld:ai:tokens:output", "user-ann", data, 15);
        LDValue toolData = trackData(runId, "support-chat", "chat-v2", 4, "gpt-ld", "openai")
                .put("toolKey", "weather").build();
        assertEvent(events.get(6), "$ld:ai:tool_call", "user-ann", toolData, 1);
        assertEvent(events.get(7), "$ld:ai:tool_call", "user-ann", toolData, 1);
    }

    @Test
    void aStreamedAnswerSendsItsTimeToFirstTokenAndTheUsageOfItsLastChunk() {
        List<String> chunks = chat.stream("user-bob", "hi").collect().asList().await().atMost(AiServiceTestSupport.WAIT);

        assertThat(String.join("", chunks)).isEqualTo("Answer to: hi");
        assertThat(OPENAI.requests()).hasSize(1);
        assertThat(OPENAI.requests().get(0).path("stream").asBoolean()).isTrue();
        assertThat(messages(OPENAI.requests().get(0))).containsExactly("system: You help  with .", "user: hi");

        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:tokens:ttf", "$ld:ai:duration:total", "$ld:ai:generation:success", "$ld:ai:tokens:total",
                "$ld:ai:tokens:input", "$ld:ai:tokens:output");
        String runId = events.get(1).data().get("runId").stringValue();
        LDValue data = trackData(runId, "support-chat", "chat-v2", 4, "gpt-ld", "openai").build();
        assertEvent(events.get(1), "$ld:ai:tokens:ttf", "user-bob", data, events.get(1).metricValue());
        assertEvent(events.get(4), "$ld:ai:tokens:total", "user-bob", data, 15);
    }

    @Test
    void aProviderErrorIsRecordedAsAnErrorAndRethrown() {
        assertThatThrownBy(() -> chat.answer(ANN, "x", "explode")).isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(AiConfigDisabledException.class);

        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:duration:total", "$ld:ai:generation:error");
        String runId = events.get(1).data().get("runId").stringValue();
        LDValue data = trackData(runId, "support-chat", "chat-v2", 4, "gpt-ld", "openai").build();
        assertEvent(events.get(2), "$ld:ai:generation:error", "user-ann", data, 1);
    }

    @Test
    void aDisabledConfigThrowsWithoutCallingTheModel() {
        assertThatThrownBy(() -> chat.off("user-carl", "hello")).isInstanceOfSatisfying(
                AiConfigDisabledException.class, e -> {
                    assertThat(e.configKey()).isEqualTo("chat-off");
                    assertThat(e.reason()).isEqualTo(AiConfigDisabledException.Reason.DISABLED);
                });

        assertThat(OPENAI.requests()).isEmpty();
        assertThat(events(client, local)).extracting(RecordedEvent::key)
                .containsExactly("$ld:ai:usage:completion-config");
    }

    @Test
    void anAgentConfigsInstructionsAreTheSystemMessage() {
        triage.triage("user-dan", "My order is late");

        assertThat(messages(OPENAI.requests().get(0))).containsExactly("system: Triage the request of user-dan",
                "user: My order is late");
        assertThat(OPENAI.requests().get(0).path("model").asText()).isEqualTo("gpt-agent");
        assertThat(events(client, local)).extracting(RecordedEvent::key).startsWith("$ld:ai:usage:agent-config",
                "$ld:ai:duration:total", "$ld:ai:generation:success");
    }

    @Test
    void aDefaultMethodOfABoundInterfaceIsNotAnAiConfigCall() throws Exception {
        assertThat(chat.help()).isEqualTo("Ask about billing");
        // Nor is the AutoCloseable#close quarkus-langchain4j adds to the implementation (called when the bean goes).
        ((AutoCloseable) chat).close();

        assertThat(OPENAI.requests()).isEmpty();
        assertThat(events(client, local)).isEmpty();
    }

    @Test
    void aMethodWithoutTheAnnotationIsLeftAlone() {
        triage.unbound("Hello");

        assertThat(messages(OPENAI.requests().get(0))).containsExactly("user: Hello");
        assertThat(OPENAI.requests().get(0).path("model").asText()).isEqualTo("gpt-configured");
        assertThat(OPENAI.requests().get(0).path("temperature").asDouble()).isEqualTo(1.0);
        assertThat(events(client, local)).isEmpty();
    }

    private static List<String> messages(JsonNode request) {
        return java.util.stream.StreamSupport.stream(request.get("messages").spliterator(), false)
                .filter(m -> !m.path("role").asText().equals("tool") && !m.has("tool_calls"))
                .map(m -> m.path("role").asText() + ": " + (m.path("content").isTextual() ? m.path("content").asText()
                        : m.path("content").toString()))
                .toList();
    }

    private static int maxTokens(JsonNode request) {
        return request.has("max_completion_tokens") ? request.path("max_completion_tokens").asInt()
                : request.path("max_tokens").asInt();
    }
}
