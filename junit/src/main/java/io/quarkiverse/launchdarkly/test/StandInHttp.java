package io.quarkiverse.launchdarkly.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.launchdarkly.sdk.LDValue;

/** The stand-in's admin API ({@code /_local/...}) over the JDK's HTTP client, answers read as JSON. */
final class StandInHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StandInHttp(URI baseUri) {
        this.baseUri = baseUri;
    }

    URI baseUri() {
        return baseUri;
    }

    LDValue get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    LDValue send(String method, String pathAndQuery, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The LaunchDarkly stand-in at " + baseUri + " did not answer " + method + " "
                    + pathAndQuery + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the LaunchDarkly stand-in", e);
        }
        LDValue json = response.body().isEmpty() ? LDValue.ofNull() : LDValue.parse(response.body());
        if (response.statusCode() == 400) {
            throw new IllegalArgumentException(json.get("message").stringValue());
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("The LaunchDarkly stand-in answered " + response.statusCode() + " to " + method
                    + " " + pathAndQuery + ": " + response.body());
        }
        return json;
    }
}
