package io.quarkiverse.launchdarkly.runtime.client;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Build-time configuration of the LaunchDarkly extension.
 */
@ConfigMapping(prefix = "quarkus.launchdarkly")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface LaunchDarklyBuildTimeConfig {

    /**
     * Health checks.
     */
    HealthConfig health();

    /**
     * Health check settings.
     */
    interface HealthConfig {

        /**
         * Whether a readiness check reports the state of the SDK's flag data source, when {@code quarkus-smallrye-health}
         * is present.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
