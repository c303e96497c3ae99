package io.quarkiverse.launchdarkly.runtime.registration.api;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The Quarkus REST client of {@link MetricsRestApi}, built at the first request: the base URI of the local stand-in is
 * only known once it runs. Closed with the application. Thread-safe.
 */
final class MetricsApiTransport implements Supplier<MetricsRestApi>, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MetricsApiTransport.class);

    private final Supplier<URI> baseUri;
    private final Duration requestTimeout;
    private final String userAgent;
    private MetricsRestApi api;
    private URI resolvedBaseUri;
    private boolean closed;

    MetricsApiTransport(Supplier<URI> baseUri, Duration requestTimeout, String userAgent) {
        this.baseUri = baseUri;
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
    }

    @Override
    public synchronized MetricsRestApi get() {
        if (closed) {
            throw new IllegalStateException("The LaunchDarkly metrics API client is closed (the application is stopping)");
        }
        if (api == null) {
            URI uri = baseUri.get();
            long timeoutMillis = Math.max(1, requestTimeout.toMillis());
            api = QuarkusRestClientBuilder.newBuilder()
                    .baseUri(uri)
                    .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    // Every status reaches LaunchDarklyMetricsClient as a Response, which maps it to its exception.
                    .disableDefaultMapper(true)
                    .followRedirects(false)
                    .loggingMaskedHeaders(Set.of("Authorization"))
                    .register(new ApiHeadersFilter(userAgent))
                    .build(MetricsRestApi.class);
            resolvedBaseUri = uri;
            LOG.debugf("LaunchDarkly metrics REST client created for %s", uri);
        }
        return api;
    }

    /** The base URI, once the first request resolved it. */
    synchronized String describeBaseUri() {
        return resolvedBaseUri == null ? "(not resolved yet)" : resolvedBaseUri.toString();
    }

    @Override
    public synchronized void close() {
        closed = true;
        MetricsRestApi toClose = api;
        api = null;
        if (toClose instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debugf("Closing the LaunchDarkly metrics REST client failed: %s", e.toString());
            }
        }
    }
}
