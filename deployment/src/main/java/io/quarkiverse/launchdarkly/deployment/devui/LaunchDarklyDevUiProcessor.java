package io.quarkiverse.launchdarkly.deployment.devui;

import java.util.List;

import org.jboss.jandex.MethodInfo;

import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.deployment.ai.AiGenerationsBuildItem;
import io.quarkiverse.launchdarkly.deployment.ai.AiGenerationsBuildItem.Generation;
import io.quarkiverse.launchdarkly.deployment.metrics.CalledTrackedEventKeysBuildItem;
import io.quarkiverse.launchdarkly.runtime.ai.generation.GenerationPlan;
import io.quarkiverse.launchdarkly.runtime.calls.ResultKind;
import io.quarkiverse.launchdarkly.runtime.devui.LaunchDarklyJsonRpcService;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The LaunchDarkly card of the Dev UI: the event keys and the {@code @AiGeneration} methods the build instrumented, the
 * events the local stand-in receives, and how the client is set up. Only the instrumented methods are known at build
 * time; the rest is read at runtime through {@link LaunchDarklyJsonRpcService}.
 */
@BuildSteps(onlyIf = IsLocalDevelopment.class)
class LaunchDarklyDevUiProcessor {

    @BuildStep
    CardPageBuildItem card(CalledTrackedEventKeysBuildItem trackedKeys, AiGenerationsBuildItem aiGenerations) {
        CardPageBuildItem card = new CardPageBuildItem();
        // What the build instrumented is known now; the page adds the live counts over JSON-RPC.
        card.addBuildTimeData("trackedKeys", trackedKeys.keys());
        card.addPage(Page.webComponentPageBuilder()
                .title("Tracked metrics")
                .icon("font-awesome-solid:chart-line")
                .componentLink("qwc-launchdarkly-tracked.js")
                .staticLabel(String.valueOf(trackedKeys.keys().size())));
        card.addLibraryVersion("com.launchdarkly", "launchdarkly-java-server-sdk", "LaunchDarkly Java server SDK",
                "https://launchdarkly.com/docs/sdk/server-side/java");
        card.addPage(Page.webComponentPageBuilder()
                .title("Events")
                .icon("font-awesome-solid:flag")
                .componentLink("qwc-launchdarkly-events.js")
                .streamingLabelJsonRPCMethodName("streamEventsLabel"));
        // The methods are known now; what their configs did is read from the stand-in's journal over JSON-RPC.
        List<AiGenerationRow> generations = aiGenerations.methods().stream().map(LaunchDarklyDevUiProcessor::row)
                .toList();
        card.addBuildTimeData("aiGenerations", generations);
        card.addPage(Page.webComponentPageBuilder()
                .title("AI generations")
                .icon("font-awesome-solid:robot")
                .componentLink("qwc-launchdarkly-ai.js")
                .staticLabel(String.valueOf(generations.size())));
        card.addPage(Page.webComponentPageBuilder()
                .title("Flags")
                .icon("font-awesome-solid:toggle-on")
                .componentLink("qwc-launchdarkly-flags.js"));
        card.addPage(Page.webComponentPageBuilder()
                .title("Client")
                .icon("font-awesome-solid:plug")
                .componentLink("qwc-launchdarkly-client.js"));
        return card;
    }

    @BuildStep
    JsonRPCProvidersBuildItem jsonRpcService() {
        return new JsonRPCProvidersBuildItem(LaunchDarklyJsonRpcService.class);
    }

    /**
     * Only strings go to the page: the build item holds Jandex methods, which the Dev UI cannot (and should not)
     * serialize.
     */
    static AiGenerationRow row(Generation generation) {
        GenerationPlan plan = generation.plan();
        return new AiGenerationRow(plan.method(), plan.configKey(), plan.mode().wireName(),
                result(plan.resultKind()), plan.hasExtractor() ? simpleName(plan.extractorClass()) : null,
                name(generation.fallback()), name(generation.defaultConfig()));
    }

    private static String result(ResultKind kind) {
        return switch (kind) {
            case SYNC -> "value";
            case COMPLETION_STAGE -> "CompletionStage";
            case UNI -> "Uni";
            case MULTI -> "stream (Multi)";
        };
    }

    /**
     * {@code ChatReplyExtractor} for {@code com.acme.ChatReplyExtractor} and for a nested
     * {@code Outer$ChatReplyExtractor}: the page has little room, and the method column already names the package.
     */
    static String simpleName(String className) {
        String name = className.substring(className.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    private static String name(MethodInfo method) {
        return method == null ? null : method.name();
    }

    /**
     * One {@code @AiGeneration} method, as the AI generations page lists it.
     *
     * @param method {@code Class#method(ParamType, ...)}
     * @param configKey the AI Config key
     * @param mode {@code completion}, {@code agent} or {@code judge}
     * @param result how the result arrives: {@code value}, {@code CompletionStage}, {@code Uni} or
     *        {@code stream (Multi)}
     * @param extractor simple class name of the metrics extractor, or null when the tokens are not read
     * @param fallback name of the method answering for a disabled config, or null
     * @param defaultConfig name of the method giving the default config, or null
     */
    public record AiGenerationRow(String method, String configKey, String mode, String result, String extractor,
            String fallback, String defaultConfig) {
    }
}
