package io.quarkiverse.launchdarkly.test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkus.arc.Unremovable;

/**
 * The local LaunchDarkly stand-in that the Dev Service started for the application under test: what it received,
 * the flags it serves, the faults it injects. Inject it in a {@code @QuarkusTest}:
 *
 * <pre>
 * &#64;Inject
 * LocalLaunchDarkly launchDarkly;
 *
 * &#64;BeforeEach
 * void forgetPreviousEvents() {
 *     launchDarkly.reset();
 * }
 *
 * &#64;Test
 * void sendsTheEvent() {
 *     ... call the application ...
 *     RecordedEvent event = launchDarkly.events().awaitCustomEvent("ticket.opened");
 *     assertThat(event.contextKey()).isEqualTo("acme-42");
 * }
 * </pre>
 *
 * It talks to the stand-in over its admin API on loopback, wherever the stand-in runs (the Dev Service runs it
 * outside the application), and asks the application's LaunchDarkly client to deliver its buffered events while a
 * test waits for them. A flag change returns once that client holds the new flags, so the next evaluation sees them.
 * Outside CDI, {@link #connect(URI, LDClientInterface)} gives one for any stand-in.
 */
@Singleton
@Unremovable
public class LocalLaunchDarkly {

    /** The property the Dev Service sets to the stand-in's base URL. */
    public static final String URL_PROPERTY = "quarkus.launchdarkly.stand-in.url";

    private static final Duration FLAG_SYNC_TIMEOUT = Duration.ofSeconds(10);

    private final Optional<URI> url;
    private final Runnable flush;
    private final Supplier<LDClientInterface> client;
    private volatile Connection connection;

    @Inject
    LocalLaunchDarkly(@ConfigProperty(name = URL_PROPERTY) Optional<URI> url, Instance<LDClientInterface> clients) {
        this(url, () -> {
            if (clients.isResolvable()) {
                clients.get().flush();
            }
        }, () -> clients.isResolvable() ? clients.get() : null);
    }

    LocalLaunchDarkly(Optional<URI> url, Runnable flush, Supplier<LDClientInterface> client) {
        this.url = url;
        this.flush = flush;
        this.client = client;
    }

    /**
     * A handle on the stand-in at this base URL for this client: it flushes the client while a test waits for events,
     * and a flag change returns once the client holds the new flags.
     */
    public static LocalLaunchDarkly connect(URI baseUri, LDClientInterface client) {
        Objects.requireNonNull(client, "client");
        return new LocalLaunchDarkly(Optional.of(Objects.requireNonNull(baseUri, "baseUri")), client::flush,
                () -> client);
    }

    /**
     * A handle on the stand-in at this base URL.
     *
     * @param flush asks the client under test to deliver its buffered events ({@code ldClient::flush}); called while
     *        a test waits for events. With no client at hand, flag changes return before any client applied them.
     */
    public static LocalLaunchDarkly connect(URI baseUri, Runnable flush) {
        return new LocalLaunchDarkly(Optional.of(Objects.requireNonNull(baseUri, "baseUri")),
                Objects.requireNonNull(flush, "flush"), () -> null);
    }

    /** The stand-in's base URL, which the SDK and the metrics REST client of the application point at. */
    public URI baseUri() {
        return connection().http.baseUri();
    }

    /** The SDK key the stand-in accepts. */
    public String sdkKey() {
        return connection().info.get("sdkKey").stringValue();
    }

    /** An API access token with the {@code writer} role, accepted by the stand-in's metrics REST API. */
    public String writerApiToken() {
        return connection().info.get("writerApiToken").stringValue();
    }

    /** An API access token with the {@code reader} role: reads succeed, writes answer 403. */
    public String readerApiToken() {
        return connection().info.get("readerApiToken").stringValue();
    }

    /** The events received. */
    public ReceivedEvents events() {
        return connection().events;
    }

    /** The faults injected into the next requests. */
    public Faults faults() {
        return connection().faults;
    }

    /** The metrics REST API: the requests it answered and the metrics it holds. */
    public StandInMetrics metricsApi() {
        return connection().metrics;
    }

    /**
     * Forgets received events, injected faults, metrics and flag overrides, as a test does before each case. The
     * stand-in is shared by the test classes of a run whose configuration agrees, so start every test with it.
     */
    public void reset() {
        changeFlags(() -> connection().http.send("POST", "/_local/reset", null));
    }

    /**
     * Serves this flag data (the flags file's format, YAML or JSON) instead of the file until {@link #reset()}, pushed
     * to the SDK over its open stream.
     *
     * @throws IllegalArgumentException when the stand-in cannot read the data, saying why
     */
    public void useFlagData(String yamlOrJson) {
        changeFlags(() -> connection().http.send("PUT", "/_local/flags", yamlOrJson));
    }

    /** Serves this value for one flag (the others unchanged) until {@link #reset()}. */
    public void setFlag(String flagKey, LDValue value) {
        changeFlags(() -> connection().http.send("PUT",
                "/_local/flags/" + URLEncoder.encode(flagKey, StandardCharsets.UTF_8), value.toJsonString()));
    }

    /** Serves the flags file again. */
    public void useFileFlags() {
        changeFlags(() -> connection().http.send("DELETE", "/_local/flags", null));
    }

    /** The flag data served now: {@code {"flags": {...}, "segments": {...}}}. */
    public LDValue flagData() {
        return connection().http.get("/_local/flags").get("data");
    }

    /**
     * Makes a flag change and, when the application's client held the stand-in's flags before it, waits until the
     * client holds the new ones: the stand-in answers once it has pushed them, not once the SDK has applied them. A
     * client fed by something else (a relay, a file) is not waited for.
     */
    private void changeFlags(Runnable change) {
        LDClientInterface sdk = client.get();
        boolean fed = sdk != null && !sdk.isOffline() && AppliedFlags.match(sdk, flagData());
        change.run();
        if (fed) {
            AppliedFlags.await(sdk, flagData(), FLAG_SYNC_TIMEOUT);
        }
    }

    private Connection connection() {
        Connection current = connection;
        if (current == null) {
            URI baseUri = url.orElseThrow(() -> new IllegalStateException("No LaunchDarkly stand-in is running for this"
                    + " application: " + URL_PROPERTY + " is not set. The Dev Service starts one in dev and test mode"
                    + " unless quarkus.launchdarkly.devservices.enabled=false, quarkus.launchdarkly.offline=true, or an SDK"
                    + " key or service endpoints are configured"));
            StandInHttp http = new StandInHttp(baseUri);
            current = new Connection(http, http.get("/_local/info"), new ReceivedEvents(http, flush), new Faults(http),
                    new StandInMetrics(http));
            connection = current;
        }
        return current;
    }

    private record Connection(StandInHttp http, LDValue info, ReceivedEvents events, Faults faults,
            StandInMetrics metrics) {
    }

    @Override
    public String toString() {
        return "LocalLaunchDarkly[" + url.map(URI::toString).orElse("no stand-in") + "]";
    }
}
