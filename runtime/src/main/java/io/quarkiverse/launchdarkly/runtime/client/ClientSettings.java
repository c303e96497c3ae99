package io.quarkiverse.launchdarkly.runtime.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * Custom service endpoints: either nothing (LaunchDarkly's own), a relay proxy, or all three services.
     */
    public record Endpoints(Optional<URI> relayProxy, Optional<URI> streaming, Optional<URI> polling,
            Optional<URI> events) {

        public boolean isDefault() {
            return relayProxy.isEmpty() && streaming.isEmpty();
        }
    }

    /**
     * Resolves the settings.
     *
     * @param config the extension configuration
     * @param devOrTest whether the application runs in dev or test mode
     * @param env reads an environment variable (a parameter so that tests need not change the real environment)
     * @throws ConfigurationException naming every property that is wrong
     */
    public static ClientSettings resolve(LaunchDarklyConfig config, boolean devOrTest, Function<String, String> env) {
        List<String> problems = new ArrayList<>();

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
        Endpoints endpoints = endpoints(config.serviceEndpoints(), problems);

        Optional<URI> standIn = config.standIn().url();
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

        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid LaunchDarkly configuration:\n  - " + String.join("\n  - ", problems));
        }
        return new ClientSettings(mode, key, keySource, endpoints, standIn);
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
