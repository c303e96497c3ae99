package io.quarkiverse.launchdarkly.deployment.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.launchdarkly.deployment.metrics.TrackedEventKeysBuildItem;
import io.quarkiverse.launchdarkly.deployment.metrics.TrackedEventKeysBuildItem.TrackedEventKey;
import io.quarkiverse.launchdarkly.runtime.client.LaunchDarklyBuildTimeConfig;
import io.quarkiverse.launchdarkly.runtime.registration.BuildTimeMetricProperties;
import io.quarkiverse.launchdarkly.runtime.registration.MetricDefinitionsConfig;
import io.quarkiverse.launchdarkly.runtime.registration.MetricDefinitionsConfig.MetricDefinition;
import io.quarkiverse.launchdarkly.runtime.registration.MetricDefinitionsRecorder;
import io.quarkiverse.launchdarkly.runtime.registration.MetricRegistrationReadinessCheck;
import io.quarkiverse.launchdarkly.runtime.registration.MetricRegistrationWellnessCheck;
import io.quarkiverse.launchdarkly.runtime.registration.StartupMetricRegistration;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;
import io.smallrye.config.SmallRyeConfig;

/**
 * Validates the metric definitions of {@code application.properties} at build time, checks them against the event keys
 * the code tracks, and registers the startup reconciliation.
 */
class MetricRegistrationProcessor {

    private static final Logger LOG = Logger.getLogger(MetricRegistrationProcessor.class);

    @BuildStep
    void beans(BuildProducer<AdditionalBeanBuildItem> beans) {
        beans.produce(AdditionalBeanBuildItem.unremovableOf(StartupMetricRegistration.class));
    }

    /** The metric properties of the build, so that startup can refuse runtime values that would be ignored. */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem buildTimeProperties(MetricDefinitionsRecorder recorder) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        return SyntheticBeanBuildItem.configure(BuildTimeMetricProperties.class).scope(Singleton.class).unremovable()
                .supplier(recorder.buildTimeProperties(BuildTimeMetricProperties.explicitlySet(config))).done();
    }

    @BuildStep
    void health(LaunchDarklyBuildTimeConfig config, Capabilities capabilities, BuildProducer<HealthBuildItem> health) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            health.produce(new HealthBuildItem(MetricRegistrationWellnessCheck.class.getName(), config.health().enabled()));
            // Looked up only with quarkus.launchdarkly.registration.gates-readiness=true.
            health.produce(new HealthBuildItem(MetricRegistrationReadinessCheck.class.getName(), config.health().enabled()));
        }
    }

    @BuildStep
    void validate(MetricDefinitionsConfig config, TrackedEventKeysBuildItem trackedKeys,
            BuildProducer<ValidationErrorBuildItem> validationErrors) {
        Map<String, MetricDefinition> definitions = config.metrics();
        List<String> errors = MetricDefinitionValidator.validate(definitions);
        if (!errors.isEmpty()) {
            validationErrors.produce(new ValidationErrorBuildItem(new ConfigurationException(
                    "Invalid LaunchDarkly metric definitions (" + errors.size() + " mistake(s)):\n  - "
                            + String.join("\n  - ", errors))));
            return;
        }
        if (!definitions.isEmpty()) {
            checkAgainstTrackedKeys(definitions, trackedKeys.keys());
        }
    }

    /**
     * A numeric metric needs events with a value and a conversion metric events without: a mismatch means the metric
     * will show no data, which is worth a warning naming both places. Keys on one side only may be tracked elsewhere
     * (another service, hand-written calls), so they are only listed.
     */
    private static void checkAgainstTrackedKeys(Map<String, MetricDefinition> definitions, List<TrackedEventKey> tracked) {
        Map<String, TrackedEventKey> byKey = new TreeMap<>();
        tracked.forEach(k -> byKey.put(k.key(), k));
        List<String> definedButNotTracked = new ArrayList<>();
        Map<String, Boolean> eventKeysDefined = new TreeMap<>();
        definitions.keySet().stream().sorted().forEach(metricKey -> {
            MetricDefinition definition = definitions.get(metricKey);
            if (!"custom".equals(definition.kind())) {
                return;
            }
            String eventKey = definition.eventKey().orElse(metricKey);
            eventKeysDefined.put(eventKey, true);
            TrackedEventKey key = byKey.get(eventKey);
            if (key == null) {
                definedButNotTracked.add(eventKey);
                return;
            }
            if (definition.numeric() && !key.sendsValue()) {
                LOG.warnf("LaunchDarkly metric %s is numeric, but event '%s' is tracked without a value by %s; the"
                        + " metric will receive no values (set valueFrom on the annotation, or numeric=false)",
                        MetricDefinitionValidator.property(metricKey, "numeric"), eventKey, key.methods());
            } else if (!definition.numeric() && !key.sendsConversion()) {
                LOG.warnf("LaunchDarkly metric %s is a conversion metric, but event '%s' is tracked with a value by %s;"
                        + " set numeric=true to analyse the values",
                        MetricDefinitionValidator.property(metricKey,
                                "numeric"),
                        eventKey, key.methods());
            }
        });
        List<String> trackedButNotDefined = byKey.keySet().stream().filter(k -> !eventKeysDefined.containsKey(k)).toList();
        if (!trackedButNotDefined.isEmpty() || !definedButNotTracked.isEmpty()) {
            LOG.infof("LaunchDarkly metrics: event keys tracked by @TrackedMetric without a metric definition: %s;"
                    + " metric definitions whose event key no @TrackedMetric tracks: %s (both may be fine when the events"
                    + " are tracked elsewhere)", trackedButNotDefined, definedButNotTracked);
        }
    }
}
