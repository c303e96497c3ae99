package io.quarkiverse.launchdarkly.langchain4j.runtime;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.quarkiverse.langchain4j.ModelName;
import io.quarkiverse.launchdarkly.ai.AiConfig;
import io.quarkiverse.launchdarkly.ai.AiProvider;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The configured quarkus-langchain4j models that answer variations by provider name
 * ({@code quarkus.launchdarkly.langchain4j.provider-model}), resolved once when the application starts: a mapping to a
 * model that is not configured fails the start, naming the property.
 */
@Startup
@Singleton
public class ProviderModels {

    /** The mapping's property, as errors name it. */
    public static final String PROPERTY = "quarkus.launchdarkly.langchain4j.provider-model";
    /** The value that names quarkus-langchain4j's default model. */
    public static final String DEFAULT_MODEL = "<default>";

    private static final Logger LOG = Logger.getLogger(ProviderModels.class);

    private final Map<String, ChatModel> chat = new HashMap<>();
    private final Map<String, StreamingChatModel> streaming = new HashMap<>();

    @Inject
    ProviderModels(LangChain4jIntegrationConfig config, @Any Instance<ChatModel> chatModels,
            @Any Instance<StreamingChatModel> streamingModels) {
        for (Map.Entry<String, String> mapping : config.providerModel().entrySet()) {
            String provider = mapping.getKey().toLowerCase(Locale.ROOT);
            String model = mapping.getValue().trim();
            Instance<ChatModel> chatModel = select(chatModels, model);
            if (!chatModel.isResolvable()) {
                throw new ConfigurationException(PROPERTY + ".\"" + mapping.getKey() + "\" names the model '" + model
                        + "', which is not a configured quarkus-langchain4j chat model: configure it"
                        + (DEFAULT_MODEL.equals(model) ? " (quarkus.langchain4j.chat-model.provider)"
                                : " (quarkus.langchain4j." + model + ".chat-model.provider)")
                        + " or remove the mapping");
            }
            chat.put(provider, chatModel.get());
            Instance<StreamingChatModel> streamingModel = select(streamingModels, model);
            if (streamingModel.isResolvable()) {
                streaming.put(provider, streamingModel.get());
            } else {
                LOG.debugf("No streaming model '%s' for provider '%s': streamed answers keep the service's model",
                        model, provider);
            }
        }
    }

    private static <M> Instance<M> select(Instance<M> models, String name) {
        return DEFAULT_MODEL.equals(name) ? models.select(Default.Literal.INSTANCE)
                : models.select(ModelName.Literal.of(name));
    }

    /** The model mapped to the variation's provider, {@code null} when the service's own answers it. */
    ChatModel chatModel(AiConfig config) {
        return chat.isEmpty() ? null : chat.get(provider(config));
    }

    /** The streaming model mapped to the variation's provider, {@code null} when the service's own answers it. */
    StreamingChatModel streamingChatModel(AiConfig config) {
        return streaming.isEmpty() ? null : streaming.get(provider(config));
    }

    private static String provider(AiConfig config) {
        return config.provider().map(AiProvider::name).map(name -> name.toLowerCase(Locale.ROOT)).orElse("");
    }
}
