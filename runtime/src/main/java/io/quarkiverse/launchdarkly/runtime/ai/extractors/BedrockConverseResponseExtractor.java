package io.quarkiverse.launchdarkly.runtime.ai.extractors;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Metrics of an AWS Bedrock {@link ConverseResponse} ({@code software.amazon.awssdk:bedrockruntime}): a success
 * when the HTTP status is 200 or unknown (no {@code sdkHttpResponse}), an error otherwise; tokens from
 * {@code usage}: {@code totalTokens}, {@code inputTokens}, {@code outputTokens} (none when absent); tool calls are
 * the names of the {@code toolUse} content blocks of the output message, in order.
 * <p>
 * The only class of the extension that references the AWS SDK; active only when Bedrock Runtime is on the
 * classpath.
 */
public class BedrockConverseResponseExtractor implements AiMetricsExtractor<ConverseResponse> {

    @Override
    public AiMetrics extract(ConverseResponse response) {
        if (response == null) {
            return AiMetrics.succeeded();
        }
        SdkHttpResponse http = response.sdkHttpResponse();
        boolean success = http == null || http.statusCode() == 200;
        TokenUsage usage = response.usage();
        AiTokenUsage tokens = usage == null ? null
                : Tokens.of(usage.totalTokens(), usage.inputTokens(), usage.outputTokens());
        return new AiMetrics(success, tokens, toolCalls(response.output()));
    }

    private static List<String> toolCalls(ConverseOutput output) {
        List<String> names = new ArrayList<>();
        if (output == null || output.message() == null || !output.message().hasContent()) {
            return names;
        }
        for (ContentBlock block : output.message().content()) {
            ToolUseBlock toolUse = block == null ? null : block.toolUse();
            if (toolUse != null && toolUse.name() != null) {
                names.add(toolUse.name());
            }
        }
        return names;
    }

    @Override
    public Class<ConverseResponse> responseType() {
        return ConverseResponse.class;
    }
}
