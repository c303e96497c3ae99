package io.quarkiverse.launchdarkly.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The support desk on the local stand-in: flags from its flags file, events asserted as they reached /bulk. */
@QuarkusTest
class TicketResourceTest {

    @Inject
    LocalLaunchDarkly launchDarkly;

    @BeforeEach
    void forgetPreviousEvents() {
        launchDarkly.reset();
    }

    @Test
    void openingATicketSendsTheEventWithTheCustomerContext() {
        given().header("X-Customer", "acme-42").header("X-Customer-Tier", "enterprise")
                .contentType(ContentType.JSON).body("{\"subject\":\"Login fails\",\"category\":\"access\"}")
                .when().post("/tickets")
                .then().statusCode(201).body("priority", is(true)).body("customer", is("acme-42"));

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("ticket.opened");
        assertThat(event.contextKind()).isEqualTo("user");
        assertThat(event.contextKey()).isEqualTo("acme-42");
        assertThat(event.context().get("tier").stringValue()).isEqualTo("enterprise");
        assertThat(event.data()).isEqualTo(LDValue.buildObject().put("category", "access").put("priority", true).build());
        assertThat(event.metricValue()).isNull();
    }

    @Test
    void priorityRoutingFollowsTheFlagFile() {
        openTicket("vip-customer", "free").body("priority", is(true));
        openTicket("someone", "free").body("priority", is(false));
        openTicket("someone-else", "enterprise").body("priority", is(true));
        assertThat(launchDarkly.events().awaitCustomEvents("ticket.opened", 3, java.time.Duration.ofSeconds(10)))
                .extracting(RecordedEvent::contextKey)
                .containsExactly("vip-customer", "someone", "someone-else");
    }

    @Test
    void resolvingATicketSendsItsResolutionTime() {
        int id = openTicket("acme-7", "pro").extract().path("id");
        given().when().post("/tickets/" + id + "/resolve").then().statusCode(200).body("status", is("resolved"));

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("ticket.resolution-time");
        assertThat(event.contextKey()).isEqualTo("acme-7");
        assertThat(event.metricValue()).isNotNull().isGreaterThanOrEqualTo(0.0).isLessThan(5.0);
    }

    @Test
    void aMissingTicketIsNotFoundAndTracksNothing() {
        given().when().post("/tickets/9999/resolve").then().statusCode(404);
        launchDarkly.events().assertNoCustomEvent("ticket.resolution-time", java.time.Duration.ofMillis(300));
    }

    @Test
    void theGreetingComesFromAFlag() {
        given().header("X-Customer", "anyone").when().get("/greeting")
                .then().statusCode(200).body(is("Hello from the support desk"));
    }

    @Test
    void readinessReportsTheSdkDataSource() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'LaunchDarkly' }.status", is("UP"))
                .body("checks.find { it.name == 'LaunchDarkly' }.data.mode", is("local"))
                .body("checks.find { it.name == 'LaunchDarkly' }.data.dataSource", is("VALID"));
    }

    private io.restassured.response.ValidatableResponse openTicket(String customer, String tier) {
        return given().header("X-Customer", customer).header("X-Customer-Tier", tier)
                .contentType(ContentType.JSON).body("{\"subject\":\"Help\",\"category\":\"general\"}")
                .when().post("/tickets")
                .then().statusCode(201);
    }
}
