package io.quarkiverse.launchdarkly.deployment.devui;

import io.quarkiverse.launchdarkly.deployment.metrics.TrackedEventKeysBuildItem;
import io.quarkiverse.launchdarkly.runtime.devui.LaunchDarklyJsonRpcService;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The LaunchDarkly card of the Dev UI: the event keys the build instrumented, the events the local stand-in receives,
 * and how the client is set up. Only the instrumented keys are known at build time; the rest is read at runtime
 * through {@link LaunchDarklyJsonRpcService}.
 */
@BuildSteps(onlyIf = IsLocalDevelopment.class)
class LaunchDarklyDevUiProcessor {

    @BuildStep
    CardPageBuildItem card(TrackedEventKeysBuildItem trackedKeys) {
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
}
