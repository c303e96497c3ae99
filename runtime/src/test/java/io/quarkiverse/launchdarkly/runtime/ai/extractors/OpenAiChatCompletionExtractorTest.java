package io.quarkiverse.launchdarkly.runtime.ai.extractors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.completions.CompletionUsage;

import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

class OpenAiChatCompletionExtractorTest {

    private final OpenAiChatCompletionExtractor extractor = new OpenAiChatCompletionExtractor();

    private static ChatCompletionMessageToolCall toolCall(String id, String name) {
        return ChatCompletionMessageToolCall.builder().id(id)
                .function(ChatCompletionMessageToolCall.Function.builder().name(name).arguments("{}").build())
                .build();
    }

    private static ChatCompletion.Choice choice(long index, ChatCompletionMessage message) {
        return ChatCompletion.Choice.builder().index(index).finishReason(ChatCompletion.Choice.FinishReason.TOOL_CALLS)
                .logprobs((ChatCompletion.Choice.Logprobs) null).message(message).build();
    }

    private static ChatCompletion.Builder completion() {
        return ChatCompletion.builder().id("chatcmpl-1").created(1_700_000_000L).model("gpt-4o");
    }

    @Test
    void tokensAndToolCallsOfTheFirstChoice() {
        ChatCompletion response = completion()
                .addChoice(choice(0, ChatCompletionMessage.builder().content((String) null).refusal((String) null)
                        .addToolCall(toolCall("call_1", "get_weather")).addToolCall(toolCall("call_2", "get_time"))
                        .build()))
                .addChoice(choice(1, ChatCompletionMessage.builder().content((String) null).refusal((String) null)
                        .addToolCall(toolCall("call_3", "other_choice")).build()))
                .usage(CompletionUsage.builder().promptTokens(12).completionTokens(8).totalTokens(20).build())
                .build();

        assertThat(extractor.extract(response))
                .isEqualTo(new AiMetrics(true, new AiTokenUsage(20, 12, 8), List.of("get_weather", "get_time")));
    }

    @Test
    void noUsageNoToolCalls() {
        ChatCompletion response = completion()
                .addChoice(choice(0, ChatCompletionMessage.builder().content("hi").refusal((String) null).build()))
                .build();

        assertThat(response.usage()).isEmpty();
        assertThat(extractor.extract(response)).isEqualTo(AiMetrics.succeeded());
    }

    @Test
    void noChoices() {
        ChatCompletion response = completion().choices(List.of())
                .usage(CompletionUsage.builder().promptTokens(3).completionTokens(0).totalTokens(3).build()).build();

        assertThat(extractor.extract(response)).isEqualTo(AiMetrics.succeeded(new AiTokenUsage(3, 3, 0)));
    }

    @Test
    void deserializedResponse() throws Exception {
        String json = """
                {"id":"chatcmpl-2","object":"chat.completion","created":1700000000,"model":"gpt-4o",
                 "choices":[{"index":0,"finish_reason":"tool_calls","logprobs":null,
                   "message":{"role":"assistant","content":null,"refusal":null,
                     "tool_calls":[{"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{}"}}]}}],
                 "usage":{"prompt_tokens":30,"completion_tokens":4,"total_tokens":34}}
                """;
        ChatCompletion response = ObjectMappers.jsonMapper().readValue(json, ChatCompletion.class);

        assertThat(extractor.extract(response))
                .isEqualTo(new AiMetrics(true, new AiTokenUsage(34, 30, 4), List.of("lookup")));
    }

    @Test
    void deserializedResponseWithoutUsage() throws Exception {
        String json = """
                {"id":"chatcmpl-3","object":"chat.completion","created":1700000000,"model":"gpt-4o",
                 "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
                   "message":{"role":"assistant","content":"hi","refusal":null}}]}
                """;
        ChatCompletion response = ObjectMappers.jsonMapper().readValue(json, ChatCompletion.class);

        assertThat(extractor.extract(response)).isEqualTo(AiMetrics.succeeded());
        assertThat(extractor.responseType()).isEqualTo(ChatCompletion.class);
    }
}
