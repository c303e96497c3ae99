package io.quarkiverse.launchdarkly.it;

// tag::imports[]
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.launchdarkly.sdk.LDValue;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.launchdarkly.TrackingFailureCounts;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

// end::imports[]

/**
 * The five {@code @TrackedMetric} patterns of the support desk, driven over HTTP and asserted on the events that reached
 * the local stand-in.
 */
@QuarkusTest
class SupportDeskMetricsTest {

    private static final Duration NOT_SENT_WAIT = Duration.ofMillis(300);

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Inject
    TicketStore tickets;

    @Inject
    TrackingFailureCounts trackingFailures;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void forgetPreviousEvents() {
        launchDarkly.reset();
    }

    // ---- conversion with revenue: business.conversion ----

    @Test
    void aPlanUpgradeIsAConversionWithItsAmountAndTheAssistantsConfigKey() {
        customer("acme-42", "free").body("{\"plan\":\"pro\",\"category\":\"billing\"}")
                .when().post("/assistant/upgrades")
                .then().statusCode(200).body("customer", is("acme-42")).body("amount", is(29.0f));

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("business.conversion");
        assertThat(event.contextKind()).isEqualTo("user");
        assertThat(event.contextKey()).isEqualTo("acme-42");
        assertThat(event.context().get("tier").stringValue()).isEqualTo("free");
        assertThat(event.metricValue()).isEqualTo(29.0);
        assertThat(event.data()).isEqualTo(LDValue.buildObject()
                .put("configKey", "support-assistant").put("category", "billing").build());
    }

    @Test
    void anUnknownPlanIsRefusedAndConvertsNothing() {
        customer("acme-42", "free").body("{\"plan\":\"platinum\",\"category\":\"billing\"}")
                .when().post("/assistant/upgrades")
                .then().statusCode(400);

        launchDarkly.events().assertNoCustomEvent("business.conversion", NOT_SENT_WAIT);
    }

    // ---- task success: task.success_rate ----

    @Test
    void aTriagedTicketCountsAsASuccess() {
        // Opened through the store, so that no ticket.opened event is left in flight for other tests.
        Ticket ticket = tickets.open("acme-7", "Cannot log in", "access", false);

        given().when().post("/tickets/" + ticket.id() + "/triage")
                .then().statusCode(200).body("queue", is("identity-team"));

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("task.success_rate");
        assertThat(event.contextKind()).isEqualTo("user");
        assertThat(event.contextKey()).isEqualTo("acme-7");
        assertThat(event.metricValue()).isEqualTo(1.0);
        assertThat(event.data()).isEqualTo(LDValue.buildObject()
                .put("task", "auto-triage").put("category", "access").build());
    }

    @Test
    void aTicketThatCannotBeTriagedIsA422AndCountsAsAFailure() {
        Ticket ticket = tickets.open("acme-8", "My horoscope is wrong", "astrology", false);

        given().when().post("/tickets/" + ticket.id() + "/triage")
                .then().statusCode(422).body("error", is("No queue for the category 'astrology'; an agent has to triage"
                        + " this ticket"));

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("task.success_rate");
        assertThat(event.contextKey()).isEqualTo("acme-8");
        assertThat(event.metricValue()).isEqualTo(0.0);
        assertThat(event.data()).isEqualTo(LDValue.buildObject()
                .put("task", "auto-triage").put("category", "astrology").build());
    }

    // ---- satisfaction, and negative feedback below 50 (repeatable annotation, condition) ----

    @Test
    void aHappyScoreSendsTheSatisfactionOnly() {
        customer("acme-42", "pro").body("{\"score\":80,\"feedbackType\":\"ai-answer\"}")
                .when().post("/feedback")
                .then().statusCode(204);

        RecordedEvent satisfaction = launchDarkly.events().awaitCustomEvent("user.satisfaction");
        // No @LaunchDarklyContext on SatisfactionSurvey.record: the context comes from CustomerContextResolver.
        assertThat(satisfaction.contextKind()).isEqualTo("user");
        assertThat(satisfaction.contextKey()).isEqualTo("acme-42");
        assertThat(satisfaction.context().get("tier").stringValue()).isEqualTo("pro");
        assertThat(satisfaction.metricValue()).isEqualTo(80.0);
        assertThat(satisfaction.data()).isEqualTo(LDValue.buildObject().put("feedbackType", "ai-answer").build());
        launchDarkly.events().assertNoCustomEvent("user.negative_feedback", NOT_SENT_WAIT);
    }

    @Test
    void anUnhappyScoreSendsBothEvents() {
        customer("acme-43", "free").body("{\"score\":30,\"feedbackType\":\"ai-answer\"}")
                .when().post("/feedback")
                .then().statusCode(204);

        RecordedEvent satisfaction = launchDarkly.events().awaitCustomEvent("user.satisfaction");
        assertThat(satisfaction.contextKey()).isEqualTo("acme-43");
        assertThat(satisfaction.metricValue()).isEqualTo(30.0);

        RecordedEvent negative = launchDarkly.events().awaitCustomEvent("user.negative_feedback");
        assertThat(negative.contextKey()).isEqualTo("acme-43");
        assertThat(negative.context().get("tier").stringValue()).isEqualTo("free");
        assertThat(negative.metricValue()).isEqualTo(1.0);
        assertThat(negative.data()).isEqualTo(LDValue.buildObject().put("feedbackType", "ai-answer").build());
        // Declaration order: the satisfaction first, then the negative feedback.
        assertThat(negative.sequence()).isGreaterThan(satisfaction.sequence());
    }

    @Test
    void aScoreOf50IsNotNegative() {
        customer("acme-44", "free").body("{\"score\":50,\"feedbackType\":\"agent-answer\"}")
                .when().post("/feedback")
                .then().statusCode(204);

        assertThat(launchDarkly.events().awaitCustomEvent("user.satisfaction").metricValue()).isEqualTo(50.0);
        launchDarkly.events().assertNoCustomEvent("user.negative_feedback", NOT_SENT_WAIT);
    }

    @Test
    void aScoreOutOfRangeIsRefusedAndSendsNothing() {
        customer("acme-42", "pro").body("{\"score\":120,\"feedbackType\":\"ai-answer\"}")
                .when().post("/feedback")
                .then().statusCode(400).body("error", is("The score is a number from 0 to 100"));
        customer("acme-42", "pro").body("{\"score\":-1}")
                .when().post("/feedback")
                .then().statusCode(400);

        launchDarkly.events().assertNoCustomEvent("user.satisfaction", NOT_SENT_WAIT);
    }

    // tag::no-context-count[]
    @Test
    void feedbackWithoutACustomerIsAcceptedButHasNoContextSoNoEvent() {
        long before = trackingFailures.count(TrackingFailureCounts.Reason.NO_CONTEXT);
        FunctionCounter meter = meters.get("launchdarkly.tracking.failures").tag("reason", "no-context")
                .functionCounter();
        double meteredBefore = meter.count();

        given().contentType(ContentType.JSON).body("{\"score\":10,\"feedbackType\":\"ai-answer\"}")
                .when().post("/feedback")
                .then().statusCode(204);

        // The resolver gives nothing without X-Customer and there is no authenticated user: the call succeeds, the
        // events are not sent, and the gap is counted.
        launchDarkly.events().assertNoCustomEvent("user.satisfaction", NOT_SENT_WAIT);
        launchDarkly.events().assertNoCustomEvent("user.negative_feedback", Duration.ZERO);
        assertThat(trackingFailures.count(TrackingFailureCounts.Reason.NO_CONTEXT)).isEqualTo(before + 1);
        assertThat(meter.count()).isEqualTo(meteredBefore + 1);
    }
    // end::no-context-count[]

    // ---- revenue after an AI interaction, only above 0: revenue.impact ----

    @Test
    void aPaidAddOnSendsItsRevenueWithTheCustomersTier() {
        customer("acme-42", "enterprise").body("{\"addOn\":\"priority-support\",\"seats\":3}")
                .when().post("/assistant/add-ons")
                .then().statusCode(200).body("revenue", is(147.0f));

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("revenue.impact");
        assertThat(event.contextKind()).isEqualTo("user");
        assertThat(event.contextKey()).isEqualTo("acme-42");
        assertThat(event.context().get("tier").stringValue()).isEqualTo("enterprise");
        assertThat(event.metricValue()).isEqualTo(147.0);
        assertThat(event.data()).isEqualTo(LDValue.buildObject()
                .put("configKey", "support-assistant").put("addOn", "priority-support").build());
    }

    @Test
    void aFreeAddOnIsNoRevenueAndSendsNothing() {
        customer("acme-42", "enterprise").body("{\"addOn\":\"knowledge-base-search\",\"seats\":10}")
                .when().post("/assistant/add-ons")
                .then().statusCode(200).body("revenue", is(0.0f));

        launchDarkly.events().assertNoCustomEvent("revenue.impact", NOT_SENT_WAIT);
    }

    // ---- session duration with the number of interactions: session.duration ----

    @Test
    void aChatSessionSendsItsDurationAndInteractions() {
        customer("acme-42", "pro")
                .body("{\"messages\":[\"How do I reset my password?\",\"The link expired\",\"It worked, thanks\"]}")
                .when().post("/assistant/sessions")
                .then().statusCode(200).body("answers", hasSize(3)).body("interactions", is(3));

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("session.duration");
        // No @LaunchDarklyContext on ChatAssistant.answer either: the resolver found the customer.
        assertThat(event.contextKey()).isEqualTo("acme-42");
        assertThat(event.context().get("tier").stringValue()).isEqualTo("pro");
        assertThat(event.data()).isEqualTo(LDValue.buildObject().put("interactions", 3).build());
        // Milliseconds: three messages at 25 ms of "thinking" each.
        assertThat(event.metricValue()).isNotNull()
                .isGreaterThanOrEqualTo(3.0 * ChatAssistant.THINKING_MILLIS_PER_MESSAGE)
                .isLessThan(10_000.0);
    }

    private static RequestSpecification customer(String customer, String tier) {
        return given().header("X-Customer", customer).header("X-Customer-Tier", tier).contentType(ContentType.JSON);
    }
}
