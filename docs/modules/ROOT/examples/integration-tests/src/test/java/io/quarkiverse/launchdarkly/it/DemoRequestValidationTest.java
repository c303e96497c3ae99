package io.quarkiverse.launchdarkly.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A JSON {@code null} body and an oversized chat session are the caller's mistakes: 400 with a message, not 500. */
@QuarkusTest
class DemoRequestValidationTest {

    @Test
    void aNullTicketIsRefused() {
        post("/tickets", "null").then().statusCode(400).body("error", containsString("subject"));
    }

    @Test
    void aNullUpgradeIsRefused() {
        post("/assistant/upgrades", "null").then().statusCode(400).body("error", containsString("plan"));
    }

    @Test
    void aNullAddOnPurchaseIsRefused() {
        post("/assistant/add-ons", "null").then().statusCode(400).body("error", containsString("add-on"));
    }

    @Test
    void aSessionOverTheMaximumIsRefusedAtOnce() {
        String messages = String.join(",", Collections.nCopies(3_000, "\"Hello\""));
        post("/assistant/sessions", "{\"messages\":[" + messages + "]}").then().statusCode(400)
                .body("error", containsString("at most " + AssistantResource.MAX_MESSAGES + " messages, got 3000"));
    }

    @Test
    void aSessionAtTheMaximumIsAnswered() {
        String messages = String.join(",", Collections.nCopies(AssistantResource.MAX_MESSAGES, "\"Hello\""));
        post("/assistant/sessions", "{\"messages\":[" + messages + "]}").then().statusCode(200);
    }

    private static io.restassured.response.Response post(String path, String body) {
        return given().header("X-Customer", "acme-42").header("X-Customer-Tier", "enterprise")
                .contentType(ContentType.JSON).body(body).when().post(path);
    }
}
