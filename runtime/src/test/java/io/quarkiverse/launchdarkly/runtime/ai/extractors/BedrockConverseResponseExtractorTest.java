package io.quarkiverse.launchdarkly.runtime.ai.extractors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

class BedrockConverseResponseExtractorTest {

    private final BedrockConverseResponseExtractor extractor = new BedrockConverseResponseExtractor();

    private static ContentBlock toolUse(String id, String name) {
        return ContentBlock.fromToolUse(
                ToolUseBlock.builder().toolUseId(id).name(name).input(Document.fromMap(java.util.Map.of())).build());
    }

    private static ConverseOutput output(ContentBlock... content) {
        return ConverseOutput.builder()
                .message(Message.builder().role(ConversationRole.ASSISTANT).content(content).build()).build();
    }

    private static ConverseResponse withStatus(ConverseResponse.Builder builder, int status) {
        builder.sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build());
        return builder.build();
    }

    @Test
    void tokensAndToolUseBlocks() {
        ConverseResponse response = withStatus(ConverseResponse.builder()
                .output(output(ContentBlock.fromText("Checking."), toolUse("t1", "get_weather"),
                        toolUse("t2", "get_time")))
                .stopReason(StopReason.TOOL_USE)
                .usage(TokenUsage.builder().inputTokens(100).outputTokens(20).totalTokens(120).build()), 200);

        assertThat(extractor.extract(response))
                .isEqualTo(new AiMetrics(true, new AiTokenUsage(120, 100, 20), List.of("get_weather", "get_time")));
    }

    @Test
    void non200IsAnError() {
        ConverseResponse response = withStatus(ConverseResponse.builder()
                .output(output(ContentBlock.fromText("partial")))
                .usage(TokenUsage.builder().inputTokens(5).outputTokens(1).totalTokens(6).build()), 500);

        assertThat(extractor.extract(response))
                .isEqualTo(new AiMetrics(false, new AiTokenUsage(6, 5, 1), List.of()));
    }

    @Test
    void noUsageAndNoHttpResponseIsASuccess() {
        ConverseResponse response = ConverseResponse.builder().output(output(ContentBlock.fromText("hi")))
                .stopReason(StopReason.END_TURN).build();

        assertThat(response.sdkHttpResponse()).isNull();
        assertThat(response.usage()).isNull();
        assertThat(extractor.extract(response)).isEqualTo(AiMetrics.succeeded());
    }

    @Test
    void noOutput() {
        ConverseResponse response = withStatus(ConverseResponse.builder(), 200);

        assertThat(extractor.extract(response)).isEqualTo(AiMetrics.succeeded());
        assertThat(extractor.responseType()).isEqualTo(ConverseResponse.class);
    }
}
