package io.quarkiverse.launchdarkly.deployment.client;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.standin.LaunchDarklyStandIn;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;

/**
 * A stand-in that runs outside the application under test and outside the Dev Service, for tests that must see what
 * the application sends after it stopped, or that point the application at a stand-in with another SDK key.
 * <p>
 * A {@code QuarkusUnitTest} class is loaded twice (by JUnit and by the application's class loader), so a static
 * field would start two servers. The first copy starts the server and publishes its URI in a system property; the
 * second reuses the URI. Tests read the journal over the admin API, which works from either copy.
 */
final class OutsideStandIn {

    private static final Map<String, LaunchDarklyStandIn> STARTED_HERE = new ConcurrentHashMap<>();

    private OutsideStandIn() {
    }

    /** The base URI of the stand-in called {@code name}, started with this SDK key on first use. */
    static synchronized URI start(String name, String sdkKey) {
        String property = "quarkus-launchdarkly.test.outside." + name;
        String existing = System.getProperty(property);
        if (existing != null) {
            return URI.create(existing);
        }
        LaunchDarklyStandIn standIn = LaunchDarklyStandIn.builder().sdkKey(sdkKey).build().start();
        STARTED_HERE.put(name, standIn);
        System.setProperty(property, standIn.baseUri().toString());
        return standIn.baseUri();
    }

    /** Stops the stand-in, from the copy of this class that started it. */
    static void stop(String name) {
        LaunchDarklyStandIn standIn = STARTED_HERE.remove(name);
        if (standIn != null) {
            standIn.stop();
        }
        System.clearProperty("quarkus-launchdarkly.test.outside." + name);
    }

    /** The custom events with this key that the stand-in at this URI received, as they were on the wire. */
    static List<LDValue> customEvents(URI baseUri, String key) {
        return LocalLaunchDarkly.connect(baseUri, () -> {
        }).events().customEvents(key).stream().map(RecordedEvent::json).toList();
    }
}
