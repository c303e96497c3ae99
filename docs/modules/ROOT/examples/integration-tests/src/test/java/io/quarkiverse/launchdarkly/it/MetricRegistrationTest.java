package io.quarkiverse.launchdarkly.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.junit.QuarkusTest;

/** The support desk declares the metrics its annotations track and registers them on the stand-in. */
@QuarkusTest
class MetricRegistrationTest {

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Test
    void theDeclaredMetricsExistOnTheStandIn() {
        // Other tests reset the stand-in, which forgets the metrics registered at startup: register again.
        launchDarkly.reset();
        RegistrationReport report = registration.reconcile();

        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.withStatus(MetricOutcome.Status.CREATED)).extracting(MetricOutcome::metricKey)
                .containsExactly("business.conversion", "revenue.impact", "session.duration", "task.success_rate",
                        "ticket.opened", "user.negative_feedback", "user.satisfaction");
        LDValue satisfaction = launchDarkly.metricsApi().metric("default", "user.satisfaction").orElseThrow();
        assertThat(satisfaction.get("isNumeric").booleanValue()).isTrue();
        assertThat(satisfaction.get("eventKey").stringValue()).isEqualTo("user.satisfaction");
        assertThat(satisfaction.get("successCriteria").stringValue()).isEqualTo("HigherThanBaseline");
        assertThat(satisfaction.get("tags").toJsonString()).contains("managed-by-quarkus");

        assertThat(registration.reconcile().outcomes()).extracting(MetricOutcome::status)
                .containsOnly(MetricOutcome.Status.UNCHANGED);
    }

    @Test
    void wellnessIncludesTheRegistration() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (registration.report().state() == RegistrationReport.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        given().when().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'LaunchDarkly metric registration' }.status", is("UP"));
    }
}
