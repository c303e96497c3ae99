package io.quarkiverse.launchdarkly.it.docs;

// tag::imports[]
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

// end::imports[]

// tag::test[]
@QuarkusTest
class FeedbackTest {

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Inject
    MetricRegistration registration;

    @BeforeEach
    void forgetPreviousTests() {
        launchDarkly.reset(); // events, faults, metrics and flag overrides
    }

    @Test
    void lowFeedbackSendsTheScoreAndANegativeFeedbackEvent() {
        given().header("X-Customer", "acme-42").header("X-Customer-Tier", "enterprise")
                .contentType(ContentType.JSON).body("{\"score\":30,\"feedbackType\":\"ai-answer\"}")
                .when().post("/feedback")
                .then().statusCode(204);

        RecordedEvent satisfaction = launchDarkly.events().awaitCustomEvent("user.satisfaction");
        assertThat(satisfaction.contextKey()).isEqualTo("acme-42");
        assertThat(satisfaction.metricValue()).isEqualTo(30.0);
        assertThat(satisfaction.data().get("feedbackType").stringValue()).isEqualTo("ai-answer");
        assertThat(launchDarkly.events().awaitCustomEvent("user.negative_feedback").metricValue()).isEqualTo(1.0);
    }

    @Test
    void theSatisfactionMetricIsRegistered() {
        registration.reconcile(); // reset() forgot the metrics registered at startup

        LDValue metric = launchDarkly.metricsApi().metric("default", "user.satisfaction").orElseThrow();
        assertThat(metric.get("isNumeric").booleanValue()).isTrue();
        assertThat(metric.get("unit").stringValue()).isEqualTo("score");
    }
    // end::test[]

    // tag::flags[]
    @Test
    void theGreetingFollowsTheFlag() {
        launchDarkly.setFlag("support-desk.greeting", LDValue.of("Bonjour")); // until the next reset()

        given().header("X-Customer", "acme-42").when().get("/greeting")
                .then().statusCode(200).body(is("Bonjour"));
    }
    // end::flags[]

    // tag::faults[]
    @Test
    void aRateLimitedRegistrationWaitsAndRetries() {
        launchDarkly.faults().inject(Fault.on("POST", "/api/v2/metrics/*").status(429)
                .retryAfter(Duration.ofSeconds(1)).times(1));

        RegistrationReport report = registration.reconcile();

        assertThat(launchDarkly.faults().pending()).isEmpty(); // the 429 was served
        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.outcomes()).extracting(MetricOutcome::status).containsOnly(MetricOutcome.Status.CREATED);
    }
    // end::faults[]
    // tag::test[]
}
// end::test[]
