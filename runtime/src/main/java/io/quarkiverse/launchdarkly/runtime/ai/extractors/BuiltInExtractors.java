package io.quarkiverse.launchdarkly.runtime.ai.extractors;

import java.util.List;

import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;

/**
 * The extractors the extension ships, named by strings only so that reading this list loads no library class.
 * <p>
 * The build activates an entry only when its {@link BuiltIn#responseType() response type} is on the application's
 * classpath, and registers its {@link BuiltIn#extractorClass() extractor class} as a bean then (the extractor
 * classes carry no bean-defining annotation and are not in a Jandex index, so they are never discovered
 * otherwise). Each extractor class is the only class of the extension that references its library's types.
 */
public final class BuiltInExtractors {

    /**
     * One built-in extractor.
     *
     * @param extractorClass the binary name of the {@link AiMetricsExtractor} implementation
     * @param responseType the binary name of the response type it reads, also the class whose presence enables it
     */
    public record BuiltIn(String extractorClass, String responseType) {
    }

    private static final String PACKAGE = BuiltInExtractors.class.getPackageName() + ".";

    /** Every built-in extractor, in no particular order; response types are distinct. */
    public static final List<BuiltIn> ALL = List.of(
            new BuiltIn(PACKAGE + "LangChain4jChatResponseExtractor",
                    "dev.langchain4j.model.chat.response.ChatResponse"),
            new BuiltIn(PACKAGE + "OpenAiChatCompletionExtractor",
                    "com.openai.models.chat.completions.ChatCompletion"),
            new BuiltIn(PACKAGE + "AnthropicMessageExtractor",
                    "com.anthropic.models.messages.Message"),
            new BuiltIn(PACKAGE + "BedrockConverseResponseExtractor",
                    "software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse"));

    private BuiltInExtractors() {
    }
}
