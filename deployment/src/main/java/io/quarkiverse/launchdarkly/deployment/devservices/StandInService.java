package io.quarkiverse.launchdarkly.deployment.devservices;

import java.nio.file.Path;

import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;
import io.quarkiverse.launchdarkly.runtime.registration.api.MetricsApiClientProducer;
import io.quarkiverse.launchdarkly.standin.LaunchDarklyStandIn;
import io.quarkus.deployment.builditem.Startable;

/**
 * The stand-in as a Dev Service: started by Quarkus before the application, in the build's class loader, so it
 * outlives live reloads and is shared by the test classes whose {@link StandInSettings} agree.
 */
final class StandInService implements Startable {

    private final StandInSettings settings;
    private volatile LaunchDarklyStandIn standIn;

    StandInService(StandInSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        LaunchDarklyStandIn.Builder builder = LaunchDarklyStandIn.builder()
                // The keys the runtime sends to a stand-in when none is configured.
                .sdkKey(ClientSettings.STAND_IN_SDK_KEY)
                .writerApiToken(MetricsApiClientProducer.STAND_IN_API_TOKEN)
                .port(settings.port())
                .journalCapacity(settings.journalCapacity())
                .logEvents(settings.logEvents());
        if (settings.flagsFile() != null) {
            builder.flagsFile(Path.of(settings.flagsFile())).watchFlagsFile(settings.watchFlagsFile());
        } else if (settings.flagData() != null) {
            builder.flagData(settings.flagData());
        }
        standIn = builder.build().start();
    }

    /** The base URL the application is given as {@code quarkus.launchdarkly.stand-in.url}. */
    String url() {
        return standIn.baseUri().toString();
    }

    @Override
    public String getConnectionInfo() {
        return standIn == null ? null : url();
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public void close() {
        LaunchDarklyStandIn running = standIn;
        if (running != null) {
            running.stop();
        }
    }
}
