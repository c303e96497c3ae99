package io.quarkiverse.launchdarkly.langchain4j.runtime;

import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.quarkiverse.launchdarkly.ai.AiJudgeAnswer;
import io.quarkiverse.launchdarkly.ai.AiJudgeModel;
import io.quarkiverse.launchdarkly.ai.AiJudgeRequest;
import io.quarkiverse.launchdarkly.runtime.ai.extractors.LangChain4jChatResponseExtractor;
import io.quarkus.arc.DefaultBean;

/**
 * The judge model of an application that uses quarkus-langchain4j: its default {@link ChatModel}, asked for the
 * judge's structured answer ({@code {"score": number, "reasoning": string}} as a JSON schema response format), with
 * the judge variation's model name and parameters. An application bean implementing {@link AiJudgeModel} replaces it.
 */
@Singleton
@DefaultBean
public class LangChain4jJudgeModel implements AiJudgeModel {

    private static final LangChain4jChatResponseExtractor RESPONSES = new LangChain4jChatResponseExtractor();

    static final ResponseFormat VERDICT = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder()
                    .name("judge_verdict")
                    .rootElement(JsonObjectSchema.builder()
                            .addNumberProperty("score", "From 0 (worst) to 1 (best)")
                            .addStringProperty("reasoning", "Why this score")
                            .required("score", "reasoning")
                            .additionalProperties(false)
                            .build())
                    .build())
            .build();

    private final Instance<ChatModel> models;

    LangChain4jJudgeModel(Instance<ChatModel> models) {
        this.models = models;
    }

    @Override
    public AiJudgeAnswer evaluate(AiJudgeRequest request) {
        if (!models.isResolvable()) {
            throw new IllegalStateException("No default quarkus-langchain4j ChatModel to run the judge '"
                    + request.judge().key() + "' with: configure one, or provide an AiJudgeModel bean");
        }
        ChatRequestParameters parameters = VariationRequest.parameters(request.judge().model().orElse(null))
                .overrideWith(ChatRequestParameters.builder().responseFormat(VERDICT).build());
        ChatResponse response = models.get().chat(ChatRequest.builder()
                .messages(messages(request))
                .parameters(parameters)
                .build());
        return AiJudgeAnswer.ofJson(response.aiMessage().text(), RESPONSES.extract(response));
    }

    private static List<ChatMessage> messages(AiJudgeRequest request) {
        return request.conversation().stream().map(VariationRequest::message).toList();
    }
}
