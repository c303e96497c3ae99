package io.quarkiverse.launchdarkly.deployment.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.runtime.local.LocalLaunchDarkly;

/**
 * A stand-in that runs outside the application under test, for tests that must see what the application sends
 * after it stopped, or that point the application at a stand-in with another SDK key.
 * <p>
 * A {@code QuarkusUnitTest} class is loaded twice (by JUnit and by the application's class loader), so a static
 * field would start two servers. The first copy starts the server and publishes its URI in a system property; the
 * second reuses the URI. Tests read the journal over HTTP ({@code GET /_local/events}), which works from either copy.
 */
final class OutsideStandIn {

    private static final Map<String, LocalLaunchDarkly> STARTED_HERE = new ConcurrentHashMap<>();

    private OutsideStandIn() {
    }

    /** The base URI of the stand-in called {@code name}, started with this SDK key on first use. */
    static synchronized URI start(String name, String sdkKey) {
        String property = "quarkus-launchdarkly.test.outside." + name;
        String existing = System.getProperty(property);
        if (existing != null) {
            return URI.create(existing);
        }
        LocalLaunchDarkly standIn = LocalLaunchDarkly.builder().sdkKey(sdkKey).build().start();
        STARTED_HERE.put(name, standIn);
        System.setProperty(property, standIn.baseUri().toString());
        return standIn.baseUri();
    }

    /** Stops the stand-in, from the copy of this class that started it. */
    static void stop(String name) {
        LocalLaunchDarkly standIn = STARTED_HERE.remove(name);
        if (standIn != null) {
            standIn.stop();
        }
        System.clearProperty("quarkus-launchdarkly.test.outside." + name);
    }

    /** The journal of the stand-in at this URI, as served by {@code GET /_local/events}. */
    static LDValue journal(URI baseUri) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(baseUri.resolve("/_local/events")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /_local/events answered " + response.statusCode());
            }
            return LDValue.parse(response.body());
        } catch (IOException e) {
            throw new AssertionError("The outside stand-in did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** The custom events with this key in the journal of the stand-in at this URI. */
    static List<LDValue> customEvents(URI baseUri, String key) {
        List<LDValue> found = new ArrayList<>();
        for (LDValue event : journal(baseUri).get("events").values()) {
            if ("custom".equals(event.get("kind").stringValue()) && key.equals(event.get("key").stringValue())) {
                found.add(event);
            }
        }
        return found;
    }
}
