package io.quarkiverse.launchdarkly.runtime.ai.extractors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.anthropic.core.JsonMissing;
import com.anthropic.core.JsonValue;
import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.Usage;

import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;

class AnthropicMessageExtractorTest {

    private final AnthropicMessageExtractor extractor = new AnthropicMessageExtractor();

    private static ToolUseBlock toolUse(String id, String name) {
        return ToolUseBlock.builder().id(id).name(name).input(JsonValue.from(java.util.Map.of())).build();
    }

    private static Message.Builder message() {
        return Message.builder().id("msg_1").model("claude-3-7-sonnet-latest").stopReason(StopReason.TOOL_USE)
                .stopSequence((String) null);
    }

    private static Usage usage(long input, long output) {
        return Usage.builder().inputTokens(input).outputTokens(output).cacheCreationInputTokens((Long) null)
                .cacheReadInputTokens((Long) null).build();
    }

    @Test
    void tokensSummedAndToolUseBlocksInOrder() {
        Message response = message()
                .addContent(TextBlock.builder().text("Let me check.").citations(List.of()).build())
                .addContent(toolUse("toolu_1", "get_weather"))
                .addContent(toolUse("toolu_2", "get_time"))
                .usage(usage(25, 9))
                .build();

        assertThat(extractor.extract(response))
                .isEqualTo(new AiMetrics(true, new AiTokenUsage(34, 25, 9), List.of("get_weather", "get_time")));
    }

    @Test
    @SuppressWarnings("unchecked") // JsonMissing is a JsonField of no particular type
    void missingUsage() {
        Message response = message().addContent(TextBlock.builder().text("hi").citations(List.of()).build())
                .usage(JsonMissing.of()).build();

        assertThat(extractor.extract(response)).isEqualTo(AiMetrics.succeeded());
    }

    @Test
    void deserializedResponse() throws Exception {
        String json = """
                {"id":"msg_2","type":"message","role":"assistant","model":"claude-3-7-sonnet-latest",
                 "content":[{"type":"text","text":"ok"},
                            {"type":"tool_use","id":"toolu_1","name":"lookup","input":{"q":"x"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":40,"output_tokens":6}}
                """;
        Message response = ObjectMappers.jsonMapper().readValue(json, Message.class);

        assertThat(extractor.extract(response))
                .isEqualTo(new AiMetrics(true, new AiTokenUsage(46, 40, 6), List.of("lookup")));
    }

    @Test
    void deserializedResponseWithoutUsage() throws Exception {
        String json = """
                {"id":"msg_3","type":"message","role":"assistant","model":"claude-3-7-sonnet-latest",
                 "content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","stop_sequence":null}
                """;
        Message response = ObjectMappers.jsonMapper().readValue(json, Message.class);

        assertThat(extractor.extract(response)).isEqualTo(AiMetrics.succeeded());
        assertThat(extractor.responseType()).isEqualTo(Message.class);
    }
}
