package io.quarkiverse.launchdarkly.deployment.events;

import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.WAIT;
import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.quarkiverse.launchdarkly.runtime.events.LossCause;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * A 401 on the events endpoint stops delivery, as the SDK does, but not silently: the events-delivery readiness check
 * turns DOWN saying which property holds the key (never the key), and every later event is counted as lost.
 */
class EventDeliveryUnauthorizedTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(DeliveryTestSupport.class)
                    .addAsResource(new StringAsset(DeliveryTestSupport.FAST_RETRIES
                            + "quarkus.launchdarkly.events.flush-interval=200ms\n"), "application.properties"));

    @Inject
    LDClient client;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    DeliveryCounters counters;

    @AfterEach
    void noFaultLeft() {
        local.faults().clear();
    }

    @Test
    void aRefusedKeyTurnsTheCheckDownNamingThePropertyAndCountsLaterEvents() {
        DeliveryTestSupport.warmUp(local, client);
        assertThat(check().getString("status")).isEqualTo("UP");

        local.faults().inject(Fault.on("POST", "/bulk").status(401).always());
        track(client, "refused.event", 5);
        client.flush();
        await().atMost(WAIT).until(counters::stopped);

        JsonPath check = check();
        assertThat(check.getString("status")).isEqualTo("DOWN");
        String stopped = check.getString("data.stopped");
        assertThat(stopped).contains("401").contains("quarkus.launchdarkly.sdk-key");
        String body = RestAssured.get("/q/health/ready").asString();
        assertThat(body).doesNotContain(local.sdkKey());
        assertThat(counters.lostEvents(LossCause.DELIVERY_STOPPED)).isEqualTo(5);

        // Later events are not delivered even when the endpoint recovers, and they are counted.
        local.faults().clear();
        track(client, "after.refusal", 4);
        client.flush();
        await().atMost(WAIT).until(() -> counters.lostEvents(LossCause.DELIVERY_STOPPED) == 9);
        local.events().assertNoCustomEvent("after.refusal", java.time.Duration.ofMillis(300));
    }

    private static JsonPath check() {
        JsonPath health = RestAssured.get("/q/health/ready").jsonPath();
        return health.setRootPath("checks.find { it.name == 'LaunchDarkly events delivery' }");
    }
}
