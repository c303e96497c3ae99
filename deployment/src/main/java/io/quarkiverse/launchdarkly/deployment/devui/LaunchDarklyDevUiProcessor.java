package io.quarkiverse.launchdarkly.deployment.devui;

import io.quarkiverse.launchdarkly.runtime.devui.LaunchDarklyJsonRpcService;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The LaunchDarkly card of the Dev UI: the events the local stand-in receives, and how the client is set up. Everything
 * shown is read at runtime through {@link LaunchDarklyJsonRpcService}; nothing on the card is known at build time.
 */
@BuildSteps(onlyIf = IsLocalDevelopment.class)
class LaunchDarklyDevUiProcessor {

    @BuildStep
    CardPageBuildItem card() {
        CardPageBuildItem card = new CardPageBuildItem();
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
