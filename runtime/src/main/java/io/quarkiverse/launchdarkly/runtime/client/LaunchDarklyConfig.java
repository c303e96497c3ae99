package io.quarkiverse.launchdarkly.runtime.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Runtime configuration of the LaunchDarkly client, the REST API and the metric registration.
 */
@ConfigMapping(prefix = "quarkus.launchdarkly")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface LaunchDarklyConfig {

    /**
     * The server-side SDK key of the LaunchDarkly environment (it starts with {@code sdk-}).
     * <p>
     * When unset, the environment variable {@code LAUNCHDARKLY_SDK_KEY} is used. When neither is set, dev and test
     * mode use the local stand-in of the Dev Service; production mode fails at startup unless
     * {@code quarkus.launchdarkly.offline} or {@code quarkus.launchdarkly.stand-in.url} is set.
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
     * the log says how many recently recorded events may not have been delivered. The events not yet delivered by
     * then are written to {@code quarkus.launchdarkly.events.spool-directory} when it is set, else counted and
     * logged as lost.
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
    StandInConfig standIn();

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
         * {@code LD_API_KEY} are read, in that order; in local mode the stand-in's writer token is used instead of the
         * environment variables. Never logged.
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
         * The longest one run of the reconciliation may take, retries and requests under way included (a request still
         * unanswered then is cancelled); what is not done by then is reported as failed.
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

        /**
         * How many metrics the reconciliation creates, updates or compares at the same time. The requests share
         * LaunchDarkly's rate limit of the access token: once one is refused (429), every request waits for the reset
         * it announced. {@code 1} handles one metric at a time.
         */
        @WithDefault("4")
        int concurrency();

        /**
         * How long after a failed registration it runs again, in the background. The wait doubles after each failure in
         * a row, up to {@code retry-max-backoff}, until a run succeeds or the application stops.
         */
        @WithDefault("10s")
        Duration retryBackoff();

        /**
         * The longest wait between two background runs of a registration that keeps failing.
         */
        @WithDefault("10m")
        Duration retryMaxBackoff();

        /**
         * Whether a failed registration makes the application not ready. By default the outcome is a wellness check
         * ({@code /q/health/well}), so that an outage of LaunchDarkly's REST API does not take the application out of
         * service while flags and events work; set it to {@code true} to have the readiness check report it too.
         */
        @WithDefault("false")
        boolean gatesReadiness();
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

        /**
         * The most payload bytes kept in memory while waiting for LaunchDarkly to take them (during an outage, for
         * example). A payload that does not fit is dropped and counted as {@code spool-full}. Must be at least 1K.
         */
        @WithDefault("16M")
        MemorySize spoolSize();

        /**
         * A directory where the payloads not yet delivered at shutdown are written, to be sent at the next start. When
         * unset, what is left at shutdown is counted and logged as lost. The directory is created when missing.
         */
        Optional<Path> spoolDirectory();

        /**
         * How delivery is retried when LaunchDarkly does not take a payload.
         */
        RetryConfig retry();
    }

    /**
     * Retries of a payload LaunchDarkly did not take (a 5xx, 408, 413 or 429 answer, or no answer at all). A payload is
     * retried until it is taken, with an exponential backoff between attempts; other 4xx answers drop the payload, and
     * 401 and 403 stop delivery.
     */
    interface RetryConfig {

        /**
         * The wait after the first failed attempt; each further failure doubles it, up to {@code max-backoff}. Every
         * wait is between half and all of that value, at random, so that many instances do not retry in step.
         */
        @WithDefault("1s")
        Duration initialBackoff();

        /**
         * The longest wait between two attempts.
         */
        @WithDefault("1m")
        Duration maxBackoff();
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
     * A local LaunchDarkly stand-in that plays LaunchDarkly for the application: it serves flags from a file, receives
     * the SDK's analytics events and answers the metrics REST API. The Dev Service starts one in dev and test mode.
     */
    interface StandInConfig {

        /**
         * The base URL of the stand-in the application talks to instead of LaunchDarkly: the SDK's flag data and events
         * and the metrics REST API all go there (local mode). The Dev Service sets it in dev and test mode; set it
         * yourself to use a stand-in started with {@code java -jar} (a demo without an account, a CI job).
         * <p>
         * In local mode the SDK sends the stand-in's SDK key ({@code sdk-stand-in}) unless
         * {@code quarkus.launchdarkly.sdk-key} is set, and the metrics REST client its writer token
         * ({@code api-stand-in-writer}) unless {@code quarkus.launchdarkly.api.token} is set; the API token environment
         * variables are not read, so a real token never goes to the stand-in.
         */
        Optional<URI> url();
    }
}
