package io.quarkiverse.launchdarkly.runtime.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Runtime configuration of the LaunchDarkly client and of the local LaunchDarkly stand-in.
 */
@ConfigMapping(prefix = "quarkus.launchdarkly")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface LaunchDarklyConfig {

    /**
     * The server-side SDK key of the LaunchDarkly environment (it starts with {@code sdk-}).
     * <p>
     * When unset, the environment variable {@code LAUNCHDARKLY_SDK_KEY} is used. When neither is set, dev and test
     * mode start the local LaunchDarkly stand-in; production mode fails at startup unless
     * {@code quarkus.launchdarkly.offline} or {@code quarkus.launchdarkly.local.enabled} is set.
     * The key is never logged.
     */
    Optional<String> sdkKey();

    /**
     * Puts the SDK in offline mode: it makes no network connection, every flag evaluates to the caller's default
     * and no analytics event is sent.
     */
    @WithDefault("false")
    boolean offline();

    /**
     * How long the application start waits for the SDK to receive its first flag data. {@code 0} does not wait;
     * flags then evaluate to their defaults until the data has arrived.
     */
    @WithDefault("5s")
    Duration startWait();

    /**
     * How long shutdown waits for the client to deliver the events still queued and close. When the bound is hit,
     * the log says how many recently recorded events may not have been delivered.
     */
    @WithDefault("10s")
    Duration shutdownTimeout();

    /**
     * Where the SDK connects to.
     */
    @ConfigDocSection
    ServiceEndpointsConfig serviceEndpoints();

    /**
     * Analytics events.
     */
    @ConfigDocSection
    EventsConfig events();

    /**
     * The application identity sent to LaunchDarkly.
     */
    @ConfigDocSection
    ApplicationConfig application();

    /**
     * The local LaunchDarkly stand-in.
     */
    @ConfigDocSection
    LocalConfig local();

    /**
     * LaunchDarkly's REST API, used to register metric definitions.
     */
    @ConfigDocSection
    ApiConfig api();

    /**
     * Registration of the metric definitions at startup.
     */
    @ConfigDocSection
    RegistrationConfig registration();

    /**
     * LaunchDarkly REST API access.
     */
    interface ApiConfig {

        /**
         * The API access token (a personal or service token with the {@code writer} role to create and update metrics).
         * When unset, the environment variables {@code LAUNCHDARKLY_API_TOKEN}, {@code LAUNCHDARKLY_API_KEY} and
         * {@code LD_API_KEY} are read, in that order. In local mode the stand-in's own token is used. Never logged.
         */
        Optional<String> token();

        /**
         * The key of the LaunchDarkly project the metrics belong to. Required to register metric definitions outside
         * local mode; in local mode it defaults to {@code default}.
         */
        Optional<String> projectKey();

        /**
         * The base URL of the REST API: {@code https://app.launchdarkly.com} (the default), the federal instance
         * {@code https://app.launchdarkly.us}, the EU instance {@code https://app.eu.launchdarkly.com}, or any other.
         * Ignored in local mode, where the stand-in answers.
         */
        @WithDefault("https://app.launchdarkly.com")
        URI baseUrl();

        /**
         * How long one REST request may take.
         */
        @WithDefault("10s")
        Duration requestTimeout();
    }

    /**
     * How the metric definitions of {@code quarkus.launchdarkly.metrics} are reconciled with LaunchDarkly at startup.
     */
    interface RegistrationConfig {

        /**
         * Whether the definitions are reconciled at startup. When there are no definitions nothing happens either way.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Whether startup waits for the reconciliation to finish. By default it runs in the background so startup is
         * not delayed.
         */
        @WithDefault("false")
        boolean blocking();

        /**
         * The longest the whole reconciliation may take, retries included; what is not done by then is reported as
         * failed.
         */
        @WithDefault("60s")
        Duration timeout();

        /**
         * Whether a failed reconciliation fails startup. It implies {@code blocking}. By default a failure is logged
         * as a warning.
         */
        @WithDefault("false")
        boolean failOnError();

        /**
         * Logs what the reconciliation would create, update or delete, and changes nothing.
         */
        @WithDefault("false")
        boolean dryRun();

        /**
         * Deletes the metrics of the project that carry the {@code managed-tag} but are no longer defined. Off by
         * default: the reconciliation never deletes otherwise.
         */
        @WithDefault("false")
        boolean prune();

        /**
         * The tag the extension adds to every metric it creates or updates, which marks the metrics {@code prune} may
         * delete.
         */
        @WithDefault("managed-by-quarkus")
        String managedTag();

        /**
         * How many times one request is retried after a rate limit (429), a server error (5xx) or an I/O error.
         */
        @WithDefault("5")
        int maxRetries();
    }

    /**
     * Service endpoints. Set all three of {@code streaming}, {@code polling} and {@code events}, or only
     * {@code relay-proxy}; setting only some of them is a startup error.
     */
    interface ServiceEndpointsConfig {

        /**
         * Base URI of the streaming service (LaunchDarkly's default is {@code https://stream.launchdarkly.com}).
         */
        Optional<URI> streaming();

        /**
         * Base URI of the polling service (LaunchDarkly's default is {@code https://sdk.launchdarkly.com}).
         */
        Optional<URI> polling();

        /**
         * Base URI of the events service (LaunchDarkly's default is {@code https://events.launchdarkly.com}).
         */
        Optional<URI> events();

        /**
         * Base URI of a LaunchDarkly Relay Proxy that serves streaming, polling and events alike.
         */
        Optional<URI> relayProxy();
    }

    /**
     * Analytics event settings.
     */
    interface EventsConfig {

        /**
         * How many events the SDK buffers between two deliveries. When the buffer is full, further events are
         * dropped until the next delivery. Must be at least 1.
         */
        @WithDefault("10000")
        int capacity();

        /**
         * How often buffered events are delivered.
         */
        @WithDefault("5s")
        Duration flushInterval();

        /**
         * Stops the SDK from sending diagnostic data (SDK version, configuration summary, dropped event counts) to
         * LaunchDarkly.
         */
        @WithDefault("false")
        boolean diagnosticOptOut();

        /**
         * Context attributes that are never sent to LaunchDarkly in analytics events (attribute names or
         * {@code /}-separated attribute references).
         */
        Optional<List<String>> privateAttributes();

        /**
         * Treats every context attribute except the key and kind as private in analytics events.
         */
        @WithDefault("false")
        boolean allAttributesPrivate();
    }

    /**
     * Application metadata, shown in LaunchDarkly's Applications list. Only letters, digits, {@code .}, {@code _} and
     * {@code -} are allowed, at most 64 characters: other characters are replaced by {@code -} and longer values are
     * cut.
     */
    interface ApplicationConfig {

        /**
         * The application id. Defaults to {@code quarkus.application.name}.
         */
        Optional<String> id();

        /**
         * The application version. Defaults to {@code quarkus.application.version}.
         */
        Optional<String> version();
    }

    /**
     * The local LaunchDarkly stand-in: an HTTP server inside the application on 127.0.0.1 that serves flag data from
     * a file, receives the SDK's analytics events and answers the metrics REST API.
     */
    interface LocalConfig {

        /**
         * Whether to start the local stand-in and point the SDK at it. By default it is on in dev and test mode when no
         * SDK key is configured, and off otherwise. Setting it to {@code true} in production is allowed (a demo with no
         * account); setting it to {@code false} in dev or test mode without an SDK key leaves the SDK offline.
         */
        Optional<Boolean> enabled();

        /**
         * The flag data file, in the LaunchDarkly SDK's file data format (YAML or JSON, with {@code flags},
         * {@code flagValues} and {@code segments}). A path on the file system, or else a classpath resource. A missing
         * file means no flags.
         */
        @WithDefault("launchdarkly/flags.yaml")
        String flagsFile();

        /**
         * Whether changes to a flag data file on the file system are pushed to the SDK while the application runs.
         * Defaults to on in dev mode only.
         */
        Optional<Boolean> watchFlagsFile();

        /**
         * The TCP port on 127.0.0.1. {@code 0} picks a free port.
         */
        @WithDefault("0")
        int port();

        /**
         * How many received events the journal keeps (oldest are dropped first; counts per key are kept for all).
         */
        @WithDefault("1000")
        int journalCapacity();

        /**
         * Whether each custom event received by the stand-in is logged at INFO level.
         */
        @WithName("log-events")
        @WithDefault("true")
        boolean logEvents();
    }
}
