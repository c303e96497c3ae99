package io.quarkiverse.launchdarkly.deployment.ai;

import static io.quarkiverse.launchdarkly.deployment.ai.AiGenerationTestModel.events;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.deployment.testing.LogRecordText;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The extractor of a method is chosen at build time from its return type: the built-in one for LangChain4j's
 * {@code ChatResponse} (the library is on this test's classpath), none for a type nobody reads, with a build warning.
 * The built-ins of absent libraries are not beans at all.
 */
class AiGenerationExtractorSelectionTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(LangChain4jModel.class, AiGenerationTestModel.class, LogRecordText.class)
            .addAsResource(new StringAsset(AiGenerationTestModel.FLAGS), "launchdarkly/flags.yaml"))
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
                    && String.valueOf(record.getMessage()).contains("@AiGeneration"))
            .assertLogRecords(AiGenerationExtractorSelectionTest::warnings);

    static void warnings(List<LogRecord> records) {
        List<String> messages = records.stream().map(LogRecordText::of).toList();
        assertThat(messages).containsExactly("@AiGeneration on " + LangChain4jModel.class.getName()
                + "#plain(String): no AiMetricsExtractor reads its result type java.lang.String, so only the duration"
                + " and success or error are recorded (no tokens or tool calls). To record them, add a bean implementing"
                + " AiMetricsExtractor<String>, or return a response type with a built-in extractor (LangChain4j"
                + " ChatResponse, OpenAI ChatCompletion, Anthropic Message, Bedrock ConverseResponse)");
    }

    @Inject
    LangChain4jModel model;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    LDClientInterface client;

    @Inject
    @All
    List<InstanceHandle<AiMetricsExtractor<?>>> extractors;

    @Test
    void aLangChain4jChatResponseIsReadByTheBuiltInExtractor() {
        events(client, local);
        local.reset();

        model.chat("user-quinn");

        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:duration:total", "$ld:ai:generation:success", "$ld:ai:tokens:total", "$ld:ai:tokens:input",
                "$ld:ai:tokens:output", "$ld:ai:tool_call");
        assertThat(events).filteredOn(e -> e.key().startsWith("$ld:ai:tokens:")).extracting(RecordedEvent::metricValue)
                .containsExactly(10.0, 7.0, 3.0);
        assertThat(events.get(6).data().get("toolKey").stringValue()).isEqualTo("lookup_order");
    }

    @Test
    void aResultWithoutExtractorRecordsDurationAndSuccessOnly() {
        events(client, local);
        local.reset();

        assertThat(model.plain("user-rae")).isEqualTo("plain answer");

        assertThat(events(client, local)).extracting(RecordedEvent::key).containsExactly(
                "$ld:ai:usage:completion-config", "$ld:ai:duration:total", "$ld:ai:generation:success");
    }

    @Test
    void onlyTheBuiltInExtractorsOfPresentLibrariesAreBeans() {
        assertThat(extractors).extracting(handle -> handle.getBean().getBeanClass().getSimpleName())
                .contains("LangChain4jChatResponseExtractor")
                .doesNotContain("OpenAiChatCompletionExtractor", "AnthropicMessageExtractor",
                        "BedrockConverseResponseExtractor");
    }

    @ApplicationScoped
    public static class LangChain4jModel {

        @AiGeneration(config = "support-chat")
        public ChatResponse chat(@LaunchDarklyContext String user) {
            return ChatResponse.builder()
                    .aiMessage(dev.langchain4j.data.message.AiMessage.from(List.of(ToolExecutionRequest.builder()
                            .id("call-1").name("lookup_order").arguments("{}").build())))
                    .tokenUsage(new TokenUsage(7, 3))
                    .build();
        }

        @AiGeneration(config = "support-chat")
        public String plain(@LaunchDarklyContext String user) {
            return "plain answer";
        }
    }
}
