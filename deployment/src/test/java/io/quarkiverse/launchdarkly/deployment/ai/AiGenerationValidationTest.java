package io.quarkiverse.launchdarkly.deployment.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiVariable;
import io.quarkiverse.launchdarkly.deployment.testing.BuildFailure;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import reactor.core.publisher.Mono;

/** Every rule of {@code @AiGeneration} breaks the build, all reported together naming class, method and rule. */
class AiGenerationValidationTest {

    static final String BEAN = Mistakes.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Mistakes.class, Payload.class))
            .assertException(thrown -> {
                Throwable cause = BuildFailure.find(thrown, DeploymentException.class,
                        m -> m.startsWith("Invalid @AiGeneration usage"));
                assertThat(cause).as("the @AiGeneration validation failure in %s", thrown).isNotNull();
                assertThat(cause.getMessage()).contains("(21 mistake(s))")
                        .contains(at("blankKey()") + "the config key is blank")
                        .contains(at("paddedKey()") + "the config key ' chat' has spaces around it")
                        .contains(at("fallbackWithOtherTypeArgument(String)") + "the fallback 'uniOfInt' has a different"
                                + " signature")
                        .contains(at("hidden()") + "the method is private")
                        .contains(at("shared()") + "the method is static")
                        .contains(at("unknownFallback(String)") + "the fallback 'nowhere' is not a method of " + BEAN
                                + "; declare nowhere(java.lang.String) returning java.lang.String")
                        .contains(at("fallbackWithOtherParameters(String)") + "the fallback 'takesAnInt' has a"
                                + " different signature: it is " + BEAN + "#takesAnInt(int)"
                                + " returning java.lang.String, it must take (java.lang.String) returning"
                                + " java.lang.String")
                        .contains(at("fallbackWithOtherResult(String)") + "the fallback 'returnsAnInt' has a different"
                                + " signature")
                        .contains(at("privateFallback(String)") + "the fallback 'secret' is private")
                        .contains(at("ownFallback(String)") + "the fallback 'ownFallback' is the annotated method"
                                + " itself")
                        .contains(at("twoConfigs(AiCompletionConfig, AiAgentConfig)") + "two config parameters"
                                + " ('completion' and 'agent')")
                        .contains(at("baseConfig(AiConfig)") + "config parameter 'config' is an AiConfig; declare"
                                + " AiCompletionConfig, AiAgentConfig or AiJudgeConfig")
                        .contains(at("twoTrackers(AiConfigTracker, AiConfigTracker)") + "two AiConfigTracker"
                                + " parameters ('first' and 'second')")
                        .contains(
                                at("pojoVariable(AiGenerationValidationTest$Payload)") + "@AiVariable parameter 'payload' is a "
                                        + Payload.class.getName() + ", which templates cannot read")
                        .contains(at("blankVariable(String)") + "@AiVariable on parameter 'topic' has a blank name")
                        .contains(at("reusedVariable(String, String)") + "@AiVariable name 'topic' is used twice")
                        .contains(at("reservedVariable(String)") + "@AiVariable on parameter 'context' is named 'ldctx'")
                        .contains(at("notADefault()") + "the defaultConfig 'name' must be a method of " + BEAN
                                + " with no parameters returning AiConfigDefault")
                        .contains(at("future()") + "the return type java.util.concurrent.Future is a Future, whose"
                                + " completion cannot be observed without blocking")
                        .contains(at("mono()") + "the return type reactor.core.publisher.Mono is a lazy asynchronous"
                                + " type that does its work when subscribed, which the tracking cannot observe without"
                                + " subscribing itself; return a Uni or a Multi")
                        .contains(at("twoContexts(LDContext, String)") + "two @LaunchDarklyContext parameters ('user' and"
                                + " 'key')");
            });

    private static String at(String method) {
        return "@AiGeneration on " + BEAN + "#" + method + ": ";
    }

    @Test
    void theBuildFails() {
        // the assertion is in assertException
    }

    public record Payload(String text) {
    }

    @ApplicationScoped
    public static class Mistakes {

        @AiGeneration(config = "  ")
        public String blankKey() {
            return "";
        }

        @AiGeneration(config = " chat")
        public String paddedKey() {
            return "";
        }

        @AiGeneration(config = "chat", fallback = "uniOfInt")
        public Uni<String> fallbackWithOtherTypeArgument(String question) {
            return null;
        }

        Uni<Integer> uniOfInt(String question) {
            return null;
        }

        @AiGeneration(config = "chat")
        private String hidden() {
            return "";
        }

        @AiGeneration(config = "chat")
        public static String shared() {
            return "";
        }

        @AiGeneration(config = "chat", fallback = "nowhere")
        public String unknownFallback(String question) {
            return "";
        }

        @AiGeneration(config = "chat", fallback = "takesAnInt")
        public String fallbackWithOtherParameters(String question) {
            return "";
        }

        String takesAnInt(int question) {
            return "";
        }

        @AiGeneration(config = "chat", fallback = "returnsAnInt")
        public String fallbackWithOtherResult(String question) {
            return "";
        }

        int returnsAnInt(String question) {
            return 0;
        }

        @AiGeneration(config = "chat", fallback = "secret")
        public String privateFallback(String question) {
            return "";
        }

        private String secret(String question) {
            return "";
        }

        @AiGeneration(config = "chat", fallback = "ownFallback")
        public String ownFallback(String question) {
            return "";
        }

        @AiGeneration(config = "chat")
        public String twoConfigs(AiCompletionConfig completion, AiAgentConfig agent) {
            return "";
        }

        @AiGeneration(config = "chat")
        public String baseConfig(AiConfig config) {
            return "";
        }

        @AiGeneration(config = "chat")
        public String twoTrackers(AiConfigTracker first, AiConfigTracker second) {
            return "";
        }

        @AiGeneration(config = "chat")
        public String pojoVariable(@AiVariable("payload") Payload payload) {
            return "";
        }

        @AiGeneration(config = "chat")
        public String blankVariable(@AiVariable(" ") String topic) {
            return "";
        }

        @AiGeneration(config = "chat")
        public String reusedVariable(@AiVariable("topic") String topic, @AiVariable("topic") String other) {
            return "";
        }

        @AiGeneration(config = "chat")
        public String reservedVariable(@AiVariable("ldctx") String context) {
            return "";
        }

        @AiGeneration(config = "chat", defaultConfig = "name")
        public String notADefault() {
            return "";
        }

        String name() {
            return "";
        }

        @AiGeneration(config = "chat")
        public Future<String> future() {
            return null;
        }

        @AiGeneration(config = "chat")
        public Mono<String> mono() {
            return null;
        }

        @AiGeneration(config = "chat")
        public String twoContexts(@LaunchDarklyContext LDContext user, @LaunchDarklyContext String key) {
            return "";
        }
    }
}
