package io.quarkiverse.launchdarkly.langchain4j.runtime;

import java.util.List;
import java.util.Set;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * The AI service's own model, applying the current call's variation to each request and reporting each response to
 * the call; a variation whose provider is mapped to another configured model is answered by that one. Outside a
 * bound call it passes requests through unchanged. The model that answers still applies its defaults and runs its
 * listeners.
 */
final class ConfiguredChatModel implements ChatModel {

    private final ChatModel delegate;

    ConfiguredChatModel(ChatModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return chat(request, ChatRequestOptions.EMPTY);
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        ServiceCall call = CurrentCall.get();
        if (call == null) {
            return delegate.chat(request, options);
        }
        ChatResponse response = call.chatModel(delegate).chat(call.rewrite(request), options);
        call.responded(response);
        return response;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return delegate.listeners();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }
}
