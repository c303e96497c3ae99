package io.quarkiverse.launchdarkly.deployment.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.LDClient;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A retried payload goes out with the same payload id every time (LaunchDarkly de-duplicates by it) and with the
 * headers the SDK's own sender sends: the SDK key, the SDK's user agent, the event schema, the wrapper and the
 * application tags.
 */
class EventDeliveryHeadersTest {

    static final String SDK_KEY = "sdk-headers-test";
    static final URI ENDPOINT = RecordingEventsEndpoint.start("headers", 2);

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(RecordingEventsEndpoint.class))
            .overrideConfigKey("quarkus.launchdarkly.sdk-key", SDK_KEY)
            .overrideConfigKey("quarkus.launchdarkly.service-endpoints.streaming", ENDPOINT.toString())
            .overrideConfigKey("quarkus.launchdarkly.service-endpoints.polling", ENDPOINT.toString())
            .overrideConfigKey("quarkus.launchdarkly.service-endpoints.events", ENDPOINT.toString())
            .overrideConfigKey("quarkus.launchdarkly.start-wait", "0s")
            .overrideConfigKey("quarkus.launchdarkly.application.id", "headers-app")
            .overrideConfigKey("quarkus.launchdarkly.events.diagnostic-opt-out", "true")
            .overrideConfigKey("quarkus.launchdarkly.events.retry.initial-backoff", "20ms")
            .overrideConfigKey("quarkus.launchdarkly.events.retry.max-backoff", "50ms");

    @Inject
    LDClient client;

    @AfterAll
    static void stopEndpoint() {
        RecordingEventsEndpoint.stop("headers");
    }

    @Test
    void everyAttemptCarriesTheSamePayloadIdAndTheSdkHeaders() {
        client.track("headers.event", LDContext.create("headers-user"));
        client.flush();

        List<LDValue> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> RecordingEventsEndpoint.records(ENDPOINT), r -> r.size() >= 3);

        assertThat(records).extracting(r -> r.get("status").intValue()).containsExactly(503, 503, 202);
        String payloadId = records.get(0).get("x-launchdarkly-payload-id").stringValue();
        assertThat(payloadId).matches("[0-9a-f-]{36}");
        for (LDValue record : records) {
            assertThat(record.get("x-launchdarkly-payload-id").stringValue()).isEqualTo(payloadId);
            assertThat(record.get("authorization").stringValue()).isEqualTo(SDK_KEY);
            assertThat(record.get("user-agent").stringValue()).startsWith("JavaClient/");
            assertThat(record.get("x-launchdarkly-event-schema").stringValue()).isEqualTo("4");
            assertThat(record.get("x-launchdarkly-wrapper").stringValue()).startsWith("quarkus-launchdarkly/");
            assertThat(record.get("x-launchdarkly-tags").stringValue()).contains("application-id/headers-app");
            assertThat(record.get("content-type").stringValue()).startsWith("application/json");
        }
    }
}
