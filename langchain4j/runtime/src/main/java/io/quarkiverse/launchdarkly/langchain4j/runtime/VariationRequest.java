package io.quarkiverse.launchdarkly.langchain4j.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.LDValueType;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfig;
import io.quarkiverse.launchdarkly.ai.AiModel;

/**
 * What a variation changes in each model request of an AI service call: the system message (the variation's system
 * messages joined, or its agent instructions), the variation's other messages right after it (examples), and the
 * model name and parameters. The service's own user message and the conversation stay as they are.
 * <p>
 * LaunchDarkly's parameter names, in camel or snake case, map to LangChain4j's {@link ChatRequestParameters}:
 * {@code temperature}; {@code maxTokens}, {@code max_tokens}, {@code maxOutputTokens}, {@code max_output_tokens},
 * {@code maxCompletionTokens}, {@code max_completion_tokens} → {@code maxOutputTokens}; {@code topP}/{@code top_p};
 * {@code topK}/{@code top_k}; {@code frequencyPenalty}/{@code frequency_penalty}; {@code presencePenalty}/
 * {@code presence_penalty}; {@code stop}, {@code stopSequences}, {@code stop_sequences} (a string or an array) →
 * {@code stopSequences}. Other parameters are not applied.
 */
final class VariationRequest {

    private final SystemMessage system;
    private final List<ChatMessage> examples;
    private final ChatRequestParameters parameters;

    private VariationRequest(SystemMessage system, List<ChatMessage> examples, ChatRequestParameters parameters) {
        this.system = system;
        this.examples = examples;
        this.parameters = parameters;
    }

    static VariationRequest of(AiConfig config) {
        SystemMessage system = null;
        List<ChatMessage> examples = new ArrayList<>();
        if (config instanceof AiCompletionConfig completion) {
            List<String> systemTexts = new ArrayList<>();
            for (io.quarkiverse.launchdarkly.ai.AiMessage message : completion.messages()) {
                if (message.role() == io.quarkiverse.launchdarkly.ai.AiMessage.Role.SYSTEM) {
                    systemTexts.add(message.content());
                } else {
                    examples.add(message(message));
                }
            }
            if (!systemTexts.isEmpty()) {
                system = SystemMessage.from(String.join("\n\n", systemTexts));
            }
        } else if (config instanceof AiAgentConfig agent) {
            Optional<String> instructions = agent.instructions();
            if (instructions.isPresent() && !instructions.get().isBlank()) {
                system = SystemMessage.from(instructions.get());
            }
        }
        return new VariationRequest(system, List.copyOf(examples), parameters(config.model().orElse(null)));
    }

    /** A LaunchDarkly message as the LangChain4j message of its role. */
    static ChatMessage message(io.quarkiverse.launchdarkly.ai.AiMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.content());
            case USER -> UserMessage.from(message.content());
            case ASSISTANT -> AiMessage.from(message.content());
        };
    }

    /** The request with the variation's system message, examples, model name and parameters. */
    ChatRequest apply(ChatRequest request) {
        List<ChatMessage> messages = new ArrayList<>(request.messages().size() + examples.size() + 1);
        if (system != null) {
            messages.add(system);
            messages.addAll(examples);
        }
        boolean examplesAdded = system != null;
        for (ChatMessage message : request.messages()) {
            if (message instanceof SystemMessage) {
                if (system == null) {
                    messages.add(message); // the variation has none: the service's own stays
                }
                continue;
            }
            if (!examplesAdded) {
                messages.addAll(examples);
                examplesAdded = true;
            }
            messages.add(message);
        }
        ChatRequestParameters merged = request.parameters() == null ? parameters
                : request.parameters().overrideWith(parameters);
        return ChatRequest.builder().messages(messages).parameters(merged).build();
    }

    /** The system message the variation gives, {@code null} when it gives none. */
    SystemMessage systemMessage() {
        return system;
    }

    static ChatRequestParameters parameters(AiModel model) {
        DefaultChatRequestParameters.Builder<?> builder = ChatRequestParameters.builder();
        if (model == null) {
            return builder.build();
        }
        if (model.name() != null && !model.name().isBlank()) {
            builder.modelName(model.name());
        }
        Map<String, LDValue> p = model.parameters();
        number(p, "temperature").ifPresent(builder::temperature);
        number(p, "topP", "top_p").ifPresent(builder::topP);
        number(p, "topK", "top_k").ifPresent(v -> builder.topK((int) Math.round(v)));
        number(p, "frequencyPenalty", "frequency_penalty").ifPresent(builder::frequencyPenalty);
        number(p, "presencePenalty", "presence_penalty").ifPresent(builder::presencePenalty);
        number(p, "maxTokens", "max_tokens", "maxOutputTokens", "max_output_tokens", "maxCompletionTokens",
                "max_completion_tokens").ifPresent(v -> builder.maxOutputTokens((int) Math.round(v)));
        stop(p).ifPresent(builder::stopSequences);
        return builder.build();
    }

    private static Optional<Double> number(Map<String, LDValue> parameters, String... names) {
        for (String name : names) {
            LDValue value = parameters.get(name);
            if (value != null && value.isNumber()) {
                return Optional.of(value.doubleValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> stop(Map<String, LDValue> parameters) {
        for (String name : new String[] { "stop", "stopSequences", "stop_sequences" }) {
            LDValue value = parameters.get(name);
            if (value == null) {
                continue;
            }
            if (value.isString()) {
                return Optional.of(List.of(value.stringValue()));
            }
            if (value.getType() == LDValueType.ARRAY) {
                List<String> stops = new ArrayList<>();
                for (LDValue item : value.values()) {
                    if (item.isString()) {
                        stops.add(item.stringValue());
                    }
                }
                return Optional.of(List.copyOf(stops));
            }
        }
        return Optional.empty();
    }
}
