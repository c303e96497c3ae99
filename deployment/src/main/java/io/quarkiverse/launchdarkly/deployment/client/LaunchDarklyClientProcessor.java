package io.quarkiverse.launchdarkly.deployment.client;

import java.util.Optional;

import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;
import io.quarkiverse.launchdarkly.runtime.client.EventCounters;
import io.quarkiverse.launchdarkly.runtime.client.LaunchDarklyBuildTimeConfig;
import io.quarkiverse.launchdarkly.runtime.client.LaunchDarklyClientProducer;
import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.quarkiverse.launchdarkly.runtime.events.EventDelivery;
import io.quarkiverse.launchdarkly.runtime.health.EventsDeliveryCheck;
import io.quarkiverse.launchdarkly.runtime.health.LaunchDarklyReadinessCheck;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

/**
 * Registers the LaunchDarkly client, its event delivery and the readiness checks.
 */
class LaunchDarklyClientProcessor {

    static final String FEATURE = "launchdarkly";
    static final String DELIVERY_METERS = "io.quarkiverse.launchdarkly.runtime.events.DeliveryMeters";
    static final String TRACKING_FAILURE_METERS = "io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailureMeters";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    void beans(BuildProducer<AdditionalBeanBuildItem> beans, BuildProducer<UnremovableBeanBuildItem> unremovable) {
        beans.produce(AdditionalBeanBuildItem.unremovableOf(LaunchDarklyClientProducer.class));
        // Read by tests, the Dev UI and other parts of the extension through lookups ArC cannot see.
        unremovable.produce(UnremovableBeanBuildItem.beanTypes(EventCounters.class,
                ClientSettings.class, EventDelivery.class, DeliveryCounters.class));
    }

    @BuildStep
    void health(LaunchDarklyBuildTimeConfig config, Capabilities capabilities, BuildProducer<HealthBuildItem> health) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            health.produce(new HealthBuildItem(LaunchDarklyReadinessCheck.class.getName(), config.health().enabled()));
            health.produce(new HealthBuildItem(EventsDeliveryCheck.class.getName(), config.health().enabled()));
        }
    }

    /**
     * The delivery and tracking-failure meters, only with {@code quarkus-micrometer} (which announces Micrometer metrics
     * support); named, not referenced as classes, so that the build never loads a Micrometer type when the application
     * does not have it.
     */
    @BuildStep
    void meters(Optional<MetricsCapabilityBuildItem> metrics, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (metrics.isPresent() && metrics.get().metricsSupported(MetricsFactory.MICROMETER)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(DELIVERY_METERS));
            beans.produce(AdditionalBeanBuildItem.unremovableOf(TRACKING_FAILURE_METERS));
        }
    }

    @BuildStep
    NativeImageResourceBuildItem versionResource() {
        return new NativeImageResourceBuildItem("io/quarkiverse/launchdarkly/runtime/version.properties");
    }
}
