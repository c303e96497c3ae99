package org.acme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CheckoutTest {

    @Inject
    LocalLaunchDarkly launchDarkly;

    @BeforeEach
    void forgetPreviousEvents() {
        launchDarkly.reset();
    }

    @Test
    void aPaymentSendsTheCheckoutEvent() {
        given().contentType(ContentType.JSON).body("{\"customer\":\"acme-42\",\"amount\":29.0}")
                .when().post("/checkout")
                .then().statusCode(200).body("oneClick", is(true)); // served by flags.yaml

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("checkout.amount");
        assertEquals("acme-42", event.contextKey());
        assertEquals(29.0, event.metricValue());
    }
}
