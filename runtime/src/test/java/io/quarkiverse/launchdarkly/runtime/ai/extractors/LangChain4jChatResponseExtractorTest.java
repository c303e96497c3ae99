package io.quarkiverse.launchdarkly.runtime.ai.extractors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

class LangChain4jChatResponseExtractorTest {

    private final LangChain4jChatResponseExtractor extractor = new LangChain4jChatResponseExtractor();

    @Test
    void tokensAndToolCalls() {
        ChatResponse response = ChatResponse.builder()
                .aiMessage(AiMessage.from(
                        ToolExecutionRequest.builder().id("1").name("get_weather").arguments("{}").build(),
                        ToolExecutionRequest.builder().id("2").name("get_time").arguments("{}").build()))
                .tokenUsage(new TokenUsage(10, 5, 15))
                .finishReason(FinishReason.TOOL_EXECUTION)
                .build();

        assertThat(extractor.extract(response))
                .isEqualTo(new AiMetrics(true, new AiTokenUsage(15, 10, 5), List.of("get_weather", "get_time")));
    }

    @Test
    void textAnswerWithoutTools() {
        ChatResponse response = ChatResponse.builder().aiMessage(AiMessage.from("hello"))
                .tokenUsage(new TokenUsage(7, 3)).build();

        assertThat(extractor.extract(response)).isEqualTo(new AiMetrics(true, new AiTokenUsage(10, 7, 3), List.of()));
    }

    @Test
    void noUsage() {
        ChatResponse response = ChatResponse.builder().aiMessage(AiMessage.from("hello")).build();

        assertThat(response.tokenUsage()).isNull();
        assertThat(extractor.extract(response)).isEqualTo(AiMetrics.succeeded());
    }

    @Test
    void usageWithoutCounts() {
        ChatResponse response = ChatResponse.builder().aiMessage(AiMessage.from("hello")).tokenUsage(new TokenUsage())
                .build();

        assertThat(extractor.extract(response)).isEqualTo(AiMetrics.succeeded());
    }

    @Test
    void usableAsTrackerFunctionAndKnowsItsType() {
        ChatResponse response = ChatResponse.builder().aiMessage(AiMessage.from("hello")).build();

        assertThat(extractor.apply(response)).isEqualTo(AiMetrics.succeeded());
        assertThat(extractor.responseType()).isEqualTo(ChatResponse.class);
        assertThat(BuiltInExtractors.ALL).contains(new BuiltInExtractors.BuiltIn(
                LangChain4jChatResponseExtractor.class.getName(), ChatResponse.class.getName()));
    }
}
