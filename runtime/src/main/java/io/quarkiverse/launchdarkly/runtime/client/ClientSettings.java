package io.quarkiverse.launchdarkly.runtime.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The decisions taken from the configuration before the client is built: which {@link ClientMode}, which SDK key,
 * which endpoints. Every mistake is collected, then reported in one startup failure that names each property; the SDK
 * key itself never appears in a message.
 *
 * @param mode where the client connects
 * @param sdkKey the SDK key of the remote mode, or the key the user gave the local stand-in
 * @param sdkKeySource the property or environment variable the key came from, for messages
 * @param endpoints the endpoints of the remote mode
 * @param standIn the base URL of the stand-in, in local mode
 */
public record ClientSettings(ClientMode mode, Optional<String> sdkKey, String sdkKeySource, Endpoints endpoints,
        Optional<URI> standIn) {

    /** The environment variable read when {@code quarkus.launchdarkly.sdk-key} is unset. */
    public static final String SDK_KEY_ENV = "LAUNCHDARKLY_SDK_KEY";
    /** The SDK key sent to the stand-in when none is configured; the Dev Service's stand-in accepts it. */
    public static final String STAND_IN_SDK_KEY = "sdk-stand-in";
    public static final String SDK_KEY_PROPERTY = "quarkus.launchdarkly.sdk-key";
    static final String STAND_IN_URL_PROPERTY = "quarkus.launchdarkly.stand-in.url";
    static final String PROJECT_KEY_PROPERTY = "quarkus.launchdarkly.api.project-key";
    private static final Pattern PROJECT_KEY = Pattern.compile("[^\\s/?#%]+");

    /**
     * Custom service endpoints: either nothing (LaunchDarkly's own), a relay proxy, or all three services.
     */
    public record Endpoints(Optional<URI> relayProxy, Optional<URI> streaming, Optional<URI> polling,
            Optional<URI> events) {

        public boolean isDefault() {
            return relayProxy.isEmpty() && streaming.isEmpty();
        }
    }

    /** Whether the value of this property comes from a Dev Service rather than from the application's configuration. */
    private static boolean offeredByDevServices(String property) {
        String source = ConfigProvider.getConfig().getConfigValue(property).getSourceName();
        return source != null && source.contains("DevServices");
    }

    /**
     * Resolves the settings, checking every runtime property of the extension on the way.
     *
     * @param config the extension configuration
     * @param metricsDeclared whether {@code quarkus.launchdarkly.metrics} defines metrics, which the registration creates
     *        in a LaunchDarkly project
     * @param otherProblems mistakes found elsewhere (runtime values of build-time properties), reported in the same
     *        failure
     * @param devOrTest whether the application runs in dev or test mode
     * @param env reads an environment variable (a parameter so that tests need not change the real environment)
     * @throws ConfigurationException naming every property that is wrong
     */
    public static ClientSettings resolve(LaunchDarklyConfig config, boolean metricsDeclared, List<String> otherProblems,
            boolean devOrTest, Function<String, String> env) {
        List<String> problems = new ArrayList<>(otherProblems);

        Optional<String> key = config.sdkKey();
        String keySource = SDK_KEY_PROPERTY;
        if (key.isEmpty()) {
            key = Optional.ofNullable(env.apply(SDK_KEY_ENV)).filter(v -> !v.isEmpty());
            keySource = "the environment variable " + SDK_KEY_ENV;
        }
        if (key.isPresent()) {
            String source = keySource;
            SdkKeys.problem(key.get()).ifPresent(p -> problems.add(source + " " + p));
        }

        LaunchDarklyConfig.EventsConfig events = config.events();
        if (events.capacity() < 1) {
            problems.add("quarkus.launchdarkly.events.capacity must be at least 1, got " + events.capacity());
        }
        if (events.flushInterval().isNegative() || events.flushInterval().isZero()) {
            problems.add("quarkus.launchdarkly.events.flush-interval must be positive, got " + events.flushInterval());
        }
        if (events.spoolSize().asLongValue() < 1024) {
            problems.add("quarkus.launchdarkly.events.spool-size must be at least 1K, got " + events.spoolSize().asLongValue()
                    + " bytes");
        }
        Duration initialBackoff = events.retry().initialBackoff();
        Duration maxBackoff = events.retry().maxBackoff();
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            problems.add("quarkus.launchdarkly.events.retry.initial-backoff must be positive, got " + initialBackoff);
        } else if (maxBackoff.compareTo(initialBackoff) < 0) {
            problems.add("quarkus.launchdarkly.events.retry.max-backoff (" + maxBackoff + ") cannot be shorter than"
                    + " quarkus.launchdarkly.events.retry.initial-backoff (" + initialBackoff + ")");
        }
        if (config.startWait().isNegative()) {
            problems.add("quarkus.launchdarkly.start-wait cannot be negative, got " + config.startWait());
        }
        if (config.shutdownTimeout().isNegative()) {
            problems.add("quarkus.launchdarkly.shutdown-timeout cannot be negative, got " + config.shutdownTimeout());
        }
        apiAndRegistration(config, problems);
        Endpoints endpoints = endpoints(config.serviceEndpoints(), problems);

        Optional<URI> standIn = config.standIn().url();
        if (standIn.isPresent() && offeredByDevServices(STAND_IN_URL_PROPERTY)
                && (key.isPresent() || config.offline() || !endpoints.isDefault())) {
            // A Dev Service started for an earlier application of this run (a previous test class) still offers its
            // stand-in; this application is configured for a LaunchDarkly of its own, which wins.
            standIn = Optional.empty();
        }
        standIn.filter(ClientSettings::notAbsoluteHttp).ifPresent(url -> problems.add(STAND_IN_URL_PROPERTY + " '" + url
                + "' is not an absolute http(s) URL"));
        if (config.offline() && standIn.isPresent()) {
            problems.add("quarkus.launchdarkly.offline=true and " + STAND_IN_URL_PROPERTY + " are both set; choose one"
                    + " (offline sends nothing, the stand-in receives everything)");
        }
        if (standIn.isPresent() && !endpoints.isDefault()) {
            problems.add(STAND_IN_URL_PROPERTY + " cannot be combined with quarkus.launchdarkly.service-endpoints.*; the"
                    + " stand-in serves all three services");
        }

        ClientMode mode;
        if (config.offline()) {
            mode = ClientMode.OFFLINE;
        } else if (standIn.isPresent()) {
            mode = ClientMode.LOCAL;
        } else if (key.isPresent()) {
            mode = ClientMode.REMOTE;
        } else if (devOrTest) {
            mode = ClientMode.OFFLINE;
        } else {
            mode = ClientMode.REMOTE;
            problems.add("No LaunchDarkly SDK key is configured. Set " + SDK_KEY_PROPERTY + " (or the environment variable "
                    + SDK_KEY_ENV + ") to the server-side SDK key of your environment, found in LaunchDarkly under"
                    + " Project settings > Environments > SDK key. To run without LaunchDarkly, set"
                    + " quarkus.launchdarkly.offline=true, or " + STAND_IN_URL_PROPERTY + " to use a local stand-in");
        }

        if (metricsDeclared && mode == ClientMode.REMOTE && config.registration().enabled()
                && config.api().projectKey().filter(k -> !k.isBlank()).isEmpty()) {
            problems.add(PROJECT_KEY_PROPERTY + " is required: quarkus.launchdarkly.metrics defines metrics, which the"
                    + " registration creates in a LaunchDarkly project. Set it to the key of that project (LaunchDarkly:"
                    + " Project settings > Projects), or set quarkus.launchdarkly.registration.enabled=false");
        }

        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid LaunchDarkly configuration:\n  - " + String.join("\n  - ", problems));
        }
        return new ClientSettings(mode, key, keySource, endpoints, standIn);
    }

    private static void apiAndRegistration(LaunchDarklyConfig config, List<String> problems) {
        LaunchDarklyConfig.ApiConfig api = config.api();
        api.projectKey().ifPresent(key -> {
            if (key.isBlank()) {
                problems.add(PROJECT_KEY_PROPERTY + " is blank");
            } else if (!PROJECT_KEY.matcher(key).matches()) {
                problems.add(PROJECT_KEY_PROPERTY + " '" + key + "' is not a project key: it has white space or one of"
                        + " / ? # % which a LaunchDarkly project key never has");
            }
        });
        if (notAbsoluteHttp(api.baseUrl())) {
            problems.add("quarkus.launchdarkly.api.base-url " + display(api.baseUrl())
                    + " is not an absolute http(s) URL, for example https://app.launchdarkly.com");
        }
        if (api.requestTimeout().isNegative() || api.requestTimeout().isZero()) {
            problems.add("quarkus.launchdarkly.api.request-timeout must be positive, got " + api.requestTimeout());
        }
        LaunchDarklyConfig.RegistrationConfig registration = config.registration();
        if (registration.timeout().isNegative() || registration.timeout().isZero()) {
            problems.add("quarkus.launchdarkly.registration.timeout must be positive, got " + registration.timeout());
        }
        if (registration.retryBackoff().isNegative() || registration.retryBackoff().isZero()) {
            problems.add("quarkus.launchdarkly.registration.retry-backoff must be positive, got "
                    + registration.retryBackoff());
        } else if (registration.retryMaxBackoff().compareTo(registration.retryBackoff()) < 0) {
            problems.add("quarkus.launchdarkly.registration.retry-max-backoff (" + registration.retryMaxBackoff()
                    + ") cannot be shorter than quarkus.launchdarkly.registration.retry-backoff ("
                    + registration.retryBackoff() + ")");
        }
        if (registration.maxRetries() < 0) {
            problems.add("quarkus.launchdarkly.registration.max-retries cannot be negative, got "
                    + registration.maxRetries());
        }
        if (registration.concurrency() < 1) {
            problems.add("quarkus.launchdarkly.registration.concurrency must be at least 1, got "
                    + registration.concurrency());
        }
    }

    /** A URL for a message; one with an {@code @} may carry a user name and password, which are not shown. */
    private static String display(URI uri) {
        String text = uri.toString();
        return text.contains("@") ? "(value not shown: it contains '@', which may hold credentials)" : "'" + text + "'";
    }

    private static boolean notAbsoluteHttp(URI uri) {
        return uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    }

    /** Without the SDK key: settings get logged, and a record would print every component. */
    @Override
    public String toString() {
        return "ClientSettings[mode=" + mode + ", sdkKey=" + (sdkKey.isPresent() ? "from " + sdkKeySource : "(none)")
                + ", endpoints=" + endpoints + ", standIn=" + standIn.map(URI::toString).orElse("(none)") + "]";
    }

    /** The SDK key to send: the configured one, else the stand-in's in local mode. */
    public String effectiveSdkKey() {
        return sdkKey.orElse(mode == ClientMode.LOCAL ? STAND_IN_SDK_KEY : "sdk-offline");
    }

    private static Endpoints endpoints(LaunchDarklyConfig.ServiceEndpointsConfig config, List<String> problems) {
        Endpoints endpoints = new Endpoints(config.relayProxy(), config.streaming(), config.polling(), config.events());
        Map<String, Optional<URI>> services = new LinkedHashMap<>();
        services.put("quarkus.launchdarkly.service-endpoints.streaming", config.streaming());
        services.put("quarkus.launchdarkly.service-endpoints.polling", config.polling());
        services.put("quarkus.launchdarkly.service-endpoints.events", config.events());
        List<String> set = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        services.forEach((name, uri) -> (uri.isPresent() ? set : missing).add(name));
        if (config.relayProxy().isPresent() && !set.isEmpty()) {
            problems.add("quarkus.launchdarkly.service-endpoints.relay-proxy cannot be combined with " + String.join(", ", set)
                    + "; a relay proxy serves all three services");
        } else if (!set.isEmpty() && !missing.isEmpty()) {
            problems.add("custom service endpoints need all three URIs: " + String.join(", ", set) + " set but "
                    + String.join(", ", missing) + " missing (or set only quarkus.launchdarkly.service-endpoints.relay-proxy)");
        }
        for (Optional<URI> uri : List.of(config.relayProxy(), config.streaming(), config.polling(), config.events())) {
            uri.filter(ClientSettings::notAbsoluteHttp).ifPresent(
                    u -> problems.add("service endpoint '" + u + "' is not an absolute http(s) URI"));
        }
        return endpoints;
    }
}
