package io.quarkiverse.launchdarkly.langchain4j.runtime;

import java.lang.reflect.Field;

import io.quarkiverse.langchain4j.runtime.aiservice.QuarkusAiServiceContext;

/**
 * Puts {@link ConfiguredChatModel} and {@link ConfiguredStreamingChatModel} in front of the models of an AI service,
 * once per service instance. quarkus-langchain4j gives each generated AI service implementation its own
 * {@link QuarkusAiServiceContext} (a dependent bean, in a private field of the generated class) and reads the models
 * from its public fields on every call, so wrapping them there reaches every request of the service, tool loops
 * and streams included, and nothing else.
 */
final class AiServiceModels {

    private static final ClassValue<Field> CONTEXT_FIELD = new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (QuarkusAiServiceContext.class.isAssignableFrom(field.getType())) {
                        field.setAccessible(true);
                        return field;
                    }
                }
            }
            return null;
        }
    };

    private AiServiceModels() {
    }

    /**
     * Wraps the models of the AI service implementation {@code target} unless done already.
     *
     * @throws IllegalStateException when {@code target} is not a quarkus-langchain4j AI service implementation
     */
    static void wrap(Object target) {
        Field field = CONTEXT_FIELD.get(target.getClass());
        if (field == null) {
            throw new IllegalStateException(target.getClass().getName() + " is not a quarkus-langchain4j AI service");
        }
        QuarkusAiServiceContext context;
        try {
            context = (QuarkusAiServiceContext) field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        if (isWrapped(context)) {
            return;
        }
        synchronized (context) {
            if (context.chatModel != null && !(context.chatModel instanceof ConfiguredChatModel)) {
                context.chatModel = new ConfiguredChatModel(context.chatModel);
            }
            if (context.streamingChatModel != null
                    && !(context.streamingChatModel instanceof ConfiguredStreamingChatModel)) {
                context.streamingChatModel = new ConfiguredStreamingChatModel(context.streamingChatModel);
            }
        }
    }

    private static boolean isWrapped(QuarkusAiServiceContext context) {
        return (context.chatModel == null || context.chatModel instanceof ConfiguredChatModel)
                && (context.streamingChatModel == null
                        || context.streamingChatModel instanceof ConfiguredStreamingChatModel);
    }
}
