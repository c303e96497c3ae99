package io.quarkiverse.launchdarkly.runtime.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The {@code quarkus.launchdarkly.metrics.*} properties as the build saw them. The metric definitions are fixed at
 * build time (they are checked against the tracked event keys there), so a value set at runtime would be ignored;
 * {@link #runtimeChanges} finds those values so that startup fails instead of registering something else than what
 * the configuration says.
 *
 * @param values property name to raw value, for every property the build had set explicitly
 */
public record BuildTimeMetricProperties(Map<String, String> values) {

    public static final String PREFIX = "quarkus.launchdarkly.metrics.";
    private static final String ENV_PREFIX = "QUARKUS_LAUNCHDARKLY_METRICS_";
    /** The source in which Quarkus replays build-time values at runtime; it hides what the runtime sources say. */
    private static final String BUILD_TIME_SOURCE = "BuildTime RunTime Fixed";

    public BuildTimeMetricProperties {
        values = Map.copyOf(values);
    }

    /** The metric properties {@code config} sets explicitly (defaults left out), with their raw values. */
    public static Map<String, String> explicitlySet(SmallRyeConfig config) {
        Map<String, String> values = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && !name.contains("*")) {
                ConfigValue value = config.getConfigValue(name);
                if (value.getRawValue() != null && !isDefault(value)) {
                    values.put(name, value.getRawValue());
                }
            }
        }
        return values;
    }

    /**
     * One message per metric property whose runtime value differs from the build's, or that only the runtime sets.
     * Values read at runtime come from every source but the replay of the build-time values.
     */
    public List<String> runtimeChanges(SmallRyeConfig config) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withProfiles(config.getProfiles());
        for (ConfigSource source : config.getConfigSources()) {
            if (!BUILD_TIME_SOURCE.equals(source.getName())) {
                builder.withSources(source);
            }
        }
        SmallRyeConfig runtime = builder.build();
        TreeSet<String> names = new TreeSet<>(values.keySet());
        List<String> problems = new ArrayList<>();
        for (String name : runtime.getPropertyNames()) {
            if (name.startsWith(PREFIX) && !name.contains("*")) {
                names.add(name);
            } else if (name.startsWith(ENV_PREFIX)) {
                problems.add("the environment variable " + name + " sets a metric definition at runtime, but metric"
                        + " definitions are fixed at build time: set it when building the application");
            }
        }
        for (String name : names) {
            ConfigValue value = runtime.getConfigValue(name);
            String atRuntime = value.getRawValue() == null || isDefault(value) ? null : value.getRawValue();
            String atBuild = values.get(name);
            if (atRuntime == null || Objects.equals(atRuntime, atBuild)) {
                continue;
            }
            problems.add(name + " is set to '" + atRuntime + "' at runtime, but metric definitions are fixed at build time"
                    + (atBuild == null ? " (the build did not set it)" : " ('" + atBuild + "' in the build)")
                    + ": rebuild the application to change a metric definition");
        }
        return problems;
    }

    private static boolean isDefault(ConfigValue value) {
        return value.getSourceOrdinal() == Integer.MIN_VALUE || value.getConfigSourceName() == null;
    }
}
