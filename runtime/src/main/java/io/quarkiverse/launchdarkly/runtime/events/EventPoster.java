package io.quarkiverse.launchdarkly.runtime.events;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.launchdarkly.sdk.server.subsystems.HttpConfiguration;

/**
 * Posts one payload the way the SDK's own event sender does: the SDK's default headers (authorization, user agent,
 * wrapper, application tags, and any custom header), {@code Content-Type: application/json}, and for analytics payloads
 * {@code X-LaunchDarkly-Event-Schema: 4} and the payload's own {@code X-LaunchDarkly-Payload-ID}.
 */
final class EventPoster {

    static final String BULK_PATH = "/bulk";
    static final String DIAGNOSTIC_PATH = "/diagnostic";
    static final String PAYLOAD_ID_HEADER = "X-LaunchDarkly-Payload-ID";
    static final String SCHEMA_HEADER = "X-LaunchDarkly-Event-Schema";
    static final String SCHEMA_VERSION = "4";

    private final HttpConfiguration configuration;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private final Duration requestTimeout;
    /** Built by the first post, on the delivery thread (the only one that posts), not by the application's start. */
    private HttpClient http;

    EventPoster(HttpConfiguration configuration) {
        this.configuration = configuration;
        configuration.getDefaultHeaders().forEach(headers::add);
        this.requestTimeout = configuration.getConnectTimeout().plus(configuration.getSocketTimeout());
    }

    /** The JDK's HTTP client: some 250 classes and a selector thread, which the application's start need not wait for. */
    private HttpClient http() {
        if (http == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(configuration.getConnectTimeout());
            Proxy proxy = configuration.getProxy();
            if (proxy != null && proxy.type() == Proxy.Type.HTTP
                    && proxy.address() instanceof InetSocketAddress address) {
                builder.proxy(ProxySelector.of(address));
            }
            http = builder.build();
        }
        return http;
    }

    /**
     * Posts the payload once.
     *
     * @return the status code of the answer
     * @throws IOException when there was no answer
     */
    int post(Payload payload) throws IOException, InterruptedException {
        URI uri = resolve(payload.eventsBaseUri(), payload.diagnostic() ? DIAGNOSTIC_PATH : BULK_PATH);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload.body()))
                .header("Content-Type", "application/json");
        for (Map.Entry<String, String> header : headers) {
            request.header(header.getKey(), header.getValue());
        }
        if (!payload.diagnostic()) {
            request.header(SCHEMA_HEADER, SCHEMA_VERSION).header(PAYLOAD_ID_HEADER, payload.id());
        }
        return http().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The base URI with the path appended, as the SDK joins them (one slash between). */
    static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }
}
