package io.quarkiverse.launchdarkly.langchain4j.runtime;

import java.util.Map;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;

/**
 * Configuration of the LaunchDarkly integration with quarkus-langchain4j.
 */
@ConfigMapping(prefix = "quarkus.launchdarkly.langchain4j")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface LangChain4jIntegrationConfig {

    /**
     * The configured quarkus-langchain4j model that answers a variation whose provider (the AI Config's
     * {@code provider.name}, such as {@code openai} or {@code anthropic}) is the key: the name of a named model
     * ({@code quarkus.langchain4j.<name>.chat-model.provider=...}), or {@code <default>} for the default model. A
     * variation whose provider is not listed is answered by the AI service's own model. The variation's model name
     * and parameters apply to the request either way.
     */
    @ConfigDocMapKey("provider")
    Map<String, String> providerModel();
}
