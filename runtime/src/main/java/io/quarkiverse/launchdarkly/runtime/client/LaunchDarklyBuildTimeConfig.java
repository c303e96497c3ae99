package io.quarkiverse.launchdarkly.runtime.client;

import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocSection;
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
     * The Dev Service: a local LaunchDarkly stand-in for dev and test mode.
     */
    @ConfigDocSection
    DevServicesConfig devservices();

    /**
     * Health check settings.
     */
    interface HealthConfig {

        /**
         * Whether readiness checks report the state of the SDK's flag data source and of the event delivery, when
         * {@code quarkus-smallrye-health} is present.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /**
     * The Dev Service starts a local LaunchDarkly stand-in outside the application, in dev and test mode, and points the
     * SDK and the metrics REST client at it ({@code quarkus.launchdarkly.stand-in.url}). It keeps its port and what it
     * received across live reloads, and the test classes of one run share it while their configuration agrees.
     */
    interface DevServicesConfig {

        /**
         * Whether the Dev Service starts the stand-in. It never starts when {@code quarkus.launchdarkly.offline=true},
         * when an SDK key ({@code quarkus.launchdarkly.sdk-key} or {@code LAUNCHDARKLY_SDK_KEY}), service endpoints or
         * {@code quarkus.launchdarkly.stand-in.url} are configured, nor when Dev Services are off
         * ({@code quarkus.devservices.enabled=false}). Without it and without a key, dev and test mode run offline.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * The port on the loopback address; {@code 0} picks a free one.
         */
        @WithDefault("0")
        int port();

        /**
         * The flag data file, in the LaunchDarkly SDK's file data format (YAML or JSON, with {@code flags},
         * {@code flagValues} and {@code segments}): a path on the file system, or else the name of a resource of the
         * application ({@code src/main/resources/launchdarkly/flags.yaml} by default). A missing file means no flags.
         */
        @WithDefault("launchdarkly/flags.yaml")
        String flagsFile();

        /**
         * Whether edits to the flag data file are served at once, pushed to the SDK over its open stream, without a
         * restart. Defaults to on in dev mode only.
         */
        Optional<Boolean> watchFlagsFile();

        /**
         * How many received events the stand-in keeps (the oldest are dropped first; counts per key are kept for all).
         */
        @WithDefault("1000")
        int journalCapacity();

        /**
         * Whether each custom event the stand-in receives is logged at INFO level.
         */
        @WithDefault("true")
        boolean logEvents();
    }
}
