package io.quarkiverse.launchdarkly.runtime.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.integrations.EventProcessorBuilder;
import com.launchdarkly.sdk.server.integrations.ServiceEndpointsBuilder;

import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.quarkiverse.launchdarkly.runtime.events.EventDelivery;
import io.quarkiverse.launchdarkly.runtime.events.QueueGate;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.quarkiverse.launchdarkly.runtime.registration.BuildTimeMetricProperties;
import io.quarkiverse.launchdarkly.runtime.registration.MetricDefinitionsConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.smallrye.config.SmallRyeConfig;

/**
 * Creates the application's one {@link LDClient} when the application starts (never during static init, so a native
 * image or a build never opens connections). Its events go through the extension's {@link EventDelivery}. On shutdown
 * the client is closed, which delivers the queued events, within {@code shutdown-timeout}.
 */
@Singleton
public class LaunchDarklyClientProducer {

    private static final Logger LOG = Logger.getLogger(LaunchDarklyClientProducer.class);

    private final LaunchDarklyConfig config;
    private final Optional<String> applicationName;
    private final Optional<String> applicationVersion;
    private final EventCounters counters;
    private final ClientSettings settings;
    private final EventDelivery delivery;
    private final TrackingFailures trackingFailures;
    private volatile LDClient client;

    LaunchDarklyClientProducer(LaunchDarklyConfig config, MetricDefinitionsConfig definitions,
            BuildTimeMetricProperties buildTimeMetrics,
            @ConfigProperty(name = "quarkus.application.name") Optional<String> applicationName,
            @ConfigProperty(name = "quarkus.application.version") Optional<String> applicationVersion,
            TrackingFailures trackingFailures) {
        this.trackingFailures = trackingFailures;
        this.config = config;
        this.applicationName = applicationName;
        this.applicationVersion = applicationVersion;
        // Every mistake of the configuration fails startup here, in one message.
        this.settings = ClientSettings.resolve(config, !definitions.metrics().isEmpty(),
                buildTimeMetrics.runtimeChanges(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)),
                LaunchMode.current().isDevOrTest(), System::getenv);
        // In local mode without a key the stand-in's key was sent: the property is still where a real key goes.
        this.delivery = new EventDelivery(config.events(),
                settings.sdkKey().isPresent() ? settings.sdkKeySource() : ClientSettings.SDK_KEY_PROPERTY, trackingFailures);
        // An event the hand-off cannot hold is a loss like any other: in health, the meters and the Dev UI.
        this.counters = new EventCounters(config.events().flushInterval(), delivery.counters());
    }

    /** The client, created at startup. {@code LDClientInterface} injection points get the same instance. */
    @Produces
    @Singleton
    @Startup
    LDClient ldClient() {
        if (client == null) {
            client = create();
        }
        return client;
    }

    /** What the application has handed to the SDK's event processor. */
    @Produces
    @Singleton
    EventCounters eventCounters() {
        return counters;
    }

    /** The delivery of analytics events to LaunchDarkly. */
    @Produces
    @Singleton
    EventDelivery eventDelivery() {
        return delivery;
    }

    /** What happened to the events handed over for delivery. */
    @Produces
    @Singleton
    DeliveryCounters deliveryCounters() {
        return delivery.counters();
    }

    /** How the client was set up. */
    @Produces
    @Singleton
    ClientSettings clientSettings() {
        return settings;
    }

    private LDClient create() {
        LDConfig.Builder builder = new LDConfig.Builder()
                .startWait(config.startWait())
                .diagnosticOptOut(config.events().diagnosticOptOut())
                .wrapper(Components.wrapperInfo().wrapperName(ExtensionVersion.NAME).wrapperVersion(ExtensionVersion.get()))
                // The hand-off is outermost, so that the caller's thread only queues the event: the counting and the
                // capacity gate run on the hand-off thread, and an event the hand-off drops never passed the gate.
                .events(HandOffEventProcessor.around(
                        CountingEventProcessor.around(eventProcessor(), counters, delivery.gate()),
                        counters, config.events().capacity(), trackingFailures));

        var appInfo = Components.applicationInfo();
        config.application().id().or(() -> applicationName).flatMap(ApplicationTags::sanitize)
                .ifPresent(appInfo::applicationId);
        config.application().version().or(() -> applicationVersion).flatMap(ApplicationTags::sanitize)
                .ifPresent(appInfo::applicationVersion);
        builder.applicationInfo(appInfo);

        switch (settings.mode()) {
            case LOCAL -> builder.serviceEndpoints(Components.serviceEndpoints().relayProxy(settings.standIn().orElseThrow()));
            // The SDK wants a key even offline; the placeholder never leaves the process.
            case OFFLINE -> builder.offline(true);
            default -> builder.serviceEndpoints(endpoints(settings.endpoints()));
        }

        LDClient created = new LDClient(settings.effectiveSdkKey(), builder.build());
        logStart(created);
        return created;
    }

    private EventProcessorBuilder eventProcessor() {
        LaunchDarklyConfig.EventsConfig events = config.events();
        EventProcessorBuilder processor = Components.sendEvents()
                // The gate in front enforces the configured capacity and counts what it refuses.
                .capacity(QueueGate.sdkCapacity(events.capacity()))
                .flushInterval(events.flushInterval())
                .eventSender(delivery.sender())
                .allAttributesPrivate(events.allAttributesPrivate());
        events.privateAttributes().ifPresent(attributes -> processor.privateAttributes(attributes.toArray(String[]::new)));
        return processor;
    }

    private static ServiceEndpointsBuilder endpoints(ClientSettings.Endpoints endpoints) {
        ServiceEndpointsBuilder builder = Components.serviceEndpoints();
        if (endpoints.relayProxy().isPresent()) {
            return builder.relayProxy(endpoints.relayProxy().get());
        }
        endpoints.streaming().ifPresent(builder::streaming);
        endpoints.polling().ifPresent(builder::polling);
        endpoints.events().ifPresent(builder::events);
        return builder;
    }

    private void logStart(LDClient created) {
        switch (settings.mode()) {
            case LOCAL -> LOG.infof("LaunchDarkly is in local mode: the SDK talks to the local stand-in at %s (received"
                    + " events at %s/_local/events). Set quarkus.launchdarkly.sdk-key to use LaunchDarkly.",
                    settings.standIn().orElseThrow(), settings.standIn().orElseThrow());
            case OFFLINE -> LOG.info("LaunchDarkly is offline: flags evaluate to their defaults and no event is sent");
            default -> {
                if (!created.isInitialized()) {
                    LOG.warnf("The LaunchDarkly client has no flag data after waiting %s (quarkus.launchdarkly.start-wait);"
                            + " flags evaluate to their defaults until it arrives. Data source: %s", config.startWait(),
                            created.getDataSourceStatusProvider().getStatus().getState());
                } else {
                    LOG.debug("The LaunchDarkly client is initialized");
                }
            }
        }
    }

    @PreDestroy
    void shutdown() {
        LDClient toClose = client;
        if (toClose != null) {
            close(toClose, config.shutdownTimeout());
        }
    }

    /** Closes the client, which delivers queued events, waiting at most {@code timeout}. */
    private void close(LDClient toClose, Duration timeout) {
        delivery.shutdownWithin(timeout);
        Thread closer = new Thread(() -> {
            try {
                toClose.close();
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Closing the LaunchDarkly client failed: %s", e.toString());
            }
            // The SDK closes the event sender itself; this covers a client that failed before doing so.
            delivery.close();
        }, "launchdarkly-shutdown");
        closer.setDaemon(true);
        long recent = counters.recentlyRecorded();
        closer.start();
        try {
            closer.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            LOG.warnf("The LaunchDarkly client did not deliver its queued events and close within %s"
                    + " (quarkus.launchdarkly.shutdown-timeout); %d event(s) recorded in the last two flush intervals may be"
                    + " lost (%d recorded since start)", timeout, recent, counters.customEvents() + counters.identifyEvents());
        }
    }
}
