package io.quarkiverse.launchdarkly.runtime.registration.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;
import io.quarkiverse.launchdarkly.runtime.client.ClientMode;
import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;
import io.quarkiverse.launchdarkly.runtime.client.ExtensionVersion;
import io.quarkiverse.launchdarkly.runtime.client.LaunchDarklyConfig;

/**
 * Produces the application's {@link LaunchDarklyMetricsClient} from {@code quarkus.launchdarkly.api.*} and the client
 * mode, and closes its REST client on shutdown.
 * <ul>
 * <li>Local mode: the stand-in of {@code quarkus.launchdarkly.stand-in.url} answers, with its writer token unless
 * {@code quarkus.launchdarkly.api.token} is set; the project key defaults to {@code default}.</li>
 * <li>Otherwise: {@code quarkus.launchdarkly.api.base-url}, with the token of {@code quarkus.launchdarkly.api.token},
 * else of the environment variables {@code LAUNCHDARKLY_API_TOKEN}, {@code LAUNCHDARKLY_API_KEY}, {@code LD_API_KEY}
 * (in that order).</li>
 * </ul>
 * A missing token or project key does not fail startup; the calls that need them throw an
 * {@link IllegalStateException} that says what to set.
 */
@Singleton
public class MetricsApiClientProducer {

    /** The environment variables read for the token when {@code quarkus.launchdarkly.api.token} is unset. */
    public static final List<String> TOKEN_ENVIRONMENT_VARIABLES = List.of("LAUNCHDARKLY_API_TOKEN",
            "LAUNCHDARKLY_API_KEY", "LD_API_KEY");

    /** The project key of local mode when none is configured. */
    public static final String LOCAL_PROJECT_KEY = "default";

    /** The token sent to the stand-in when none is configured; the Dev Service's stand-in accepts it as a writer. */
    public static final String STAND_IN_API_TOKEN = "api-stand-in-writer";

    static final String TOKEN_PROPERTY = "quarkus.launchdarkly.api.token";

    private static final Logger LOG = Logger.getLogger(MetricsApiClientProducer.class);

    private final LaunchDarklyConfig config;
    private final ClientSettings settings;
    private volatile MetricsApiTransport transport;

    MetricsApiClientProducer(LaunchDarklyConfig config, ClientSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    @Produces
    @Singleton
    LaunchDarklyMetricsClient metricsClient() {
        return create(System::getenv);
    }

    LaunchDarklyMetricsClient create(Function<String, String> env) {
        LaunchDarklyConfig.ApiConfig api = config.api();
        boolean localMode = settings.mode() == ClientMode.LOCAL;
        Supplier<URI> baseUri;
        String projectKey;
        if (localMode) {
            URI standIn = settings.standIn().orElseThrow();
            baseUri = () -> standIn;
            projectKey = api.projectKey().filter(key -> !key.isBlank()).orElse(LOCAL_PROJECT_KEY);
        } else {
            URI configured = api.baseUrl();
            baseUri = () -> configured;
            projectKey = api.projectKey().filter(key -> !key.isBlank()).orElse(null);
        }
        ApiCredentials credentials = credentials(localMode, api.token(), env);
        MetricsApiTransport created = new MetricsApiTransport(baseUri, api.requestTimeout(),
                ExtensionVersion.NAME + "/" + ExtensionVersion.get());
        this.transport = created;
        LaunchDarklyMetricsClient client = new RestMetricsClient(created, created::describeBaseUri, credentials,
                projectKey, RetryPolicy.of(config.registration().maxRetries()), api.requestTimeout());
        LOG.debugf("LaunchDarkly metrics API client: %s, token %s", localMode ? "local stand-in" : api.baseUrl(),
                credentials.isPresent() ? "from " + credentials.source() : "missing");
        return client;
    }

    /**
     * Where the token comes from. Local mode: {@code quarkus.launchdarkly.api.token}, else the stand-in's writer token
     * (a real token from the environment would only be refused by the stand-in). Otherwise the property, else the
     * environment variables in order.
     */
    static ApiCredentials credentials(boolean localMode, Optional<String> configured, Function<String, String> env) {
        Optional<String> property = configured.filter(token -> !token.isBlank());
        if (property.isPresent()) {
            return new ApiCredentials(property.get().strip(), TOKEN_PROPERTY);
        }
        if (localMode) {
            return new ApiCredentials(STAND_IN_API_TOKEN, "the local stand-in (its writer token)");
        }
        for (String variable : TOKEN_ENVIRONMENT_VARIABLES) {
            String value = env.apply(variable);
            if (value != null && !value.isBlank()) {
                return new ApiCredentials(value.strip(), "the environment variable " + variable);
            }
        }
        return ApiCredentials.none();
    }

    @PreDestroy
    void close() {
        MetricsApiTransport toClose = transport;
        if (toClose != null) {
            toClose.close();
        }
    }
}
