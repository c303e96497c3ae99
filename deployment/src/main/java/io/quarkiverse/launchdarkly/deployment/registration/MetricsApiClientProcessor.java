package io.quarkiverse.launchdarkly.deployment.registration;

import io.quarkiverse.launchdarkly.registration.EventDefault;
import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;
import io.quarkiverse.launchdarkly.registration.MetricPost;
import io.quarkiverse.launchdarkly.registration.MetricRep;
import io.quarkiverse.launchdarkly.registration.MetricUrl;
import io.quarkiverse.launchdarkly.registration.PatchOperation;
import io.quarkiverse.launchdarkly.runtime.registration.api.Link;
import io.quarkiverse.launchdarkly.runtime.registration.api.MetricPage;
import io.quarkiverse.launchdarkly.runtime.registration.api.MetricsApiClientProducer;
import io.quarkiverse.launchdarkly.runtime.registration.api.MetricsRestApi;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

/**
 * Registers the LaunchDarkly metrics REST API client: its producer, the JAX-RS interface the Quarkus REST client
 * implements at build time, and the JSON types it reads and writes with its own {@code ObjectMapper}.
 */
class MetricsApiClientProcessor {

    @BuildStep
    void beans(BuildProducer<AdditionalBeanBuildItem> beans, BuildProducer<UnremovableBeanBuildItem> unremovable) {
        beans.produce(AdditionalBeanBuildItem.unremovableOf(MetricsApiClientProducer.class));
        // Also looked up programmatically (by the startup registration), which ArC cannot see.
        unremovable.produce(UnremovableBeanBuildItem.beanTypes(LaunchDarklyMetricsClient.class));
    }

    /** The runtime jar has no index; the REST client only implements interfaces it finds in the index. */
    @BuildStep
    AdditionalIndexedClassesBuildItem restClientInterface() {
        return new AdditionalIndexedClassesBuildItem(MetricsRestApi.class.getName());
    }

    /** Jackson reads and writes these records reflectively, also in a native image. */
    @BuildStep
    ReflectiveClassBuildItem jsonTypes() {
        return ReflectiveClassBuildItem.builder(MetricPost.class.getName(), MetricRep.class.getName(),
                MetricPage.class.getName(), MetricUrl.class.getName(), EventDefault.class.getName(), Link.class.getName(),
                PatchOperation.class.getName(),
                "io.quarkiverse.launchdarkly.runtime.registration.api.MetricsJson$ErrorBody")
                .constructors().methods().fields()
                .reason(MetricsApiClientProcessor.class.getName())
                .build();
    }
}
