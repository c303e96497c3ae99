package io.quarkiverse.launchdarkly.deployment.registration;

import static io.quarkiverse.launchdarkly.deployment.registration.RegistrationTestSupport.writes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.deployment.testing.LogRecordText;
import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;

/** Rate limits and server errors are retried, refused tokens stop the run with the cause, and no token is logged. */
class MetricRegistrationFaultsTest {

    static final String TOKEN_PROPERTY = "quarkus-launchdarkly.test.registration-token";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(RegistrationTestSupport.class)
                    .addAsResource(new StringAsset(RegistrationTestSupport.THREE_METRICS
                            + "quarkus.launchdarkly.registration.enabled=false\n"
                            + "quarkus.launchdarkly.registration.max-retries=3\n"
                            // one metric at a time, so that the injected failures all meet the first metric
                            + "quarkus.launchdarkly.registration.concurrency=1\n"), "application.properties"))
            .setLogRecordPredicate(record -> true)
            .assertLogRecords(records -> {
                String token = System.getProperty(TOKEN_PROPERTY);
                assertThat(token).as("the test published the token").isNotBlank();
                assertThat(records).isNotEmpty()
                        .allSatisfy(record -> assertThat(LogRecordText.of(record)).doesNotContain(token));
            });

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly local;

    @BeforeEach
    void reset() {
        local.reset();
        System.setProperty(TOKEN_PROPERTY, local.writerApiToken());
    }

    @Test
    void twoRateLimitsWithRetryAfterThenSuccess() {
        local.faults().inject(Fault.on("POST", "/api/v2/metrics/default").status(429).retryAfter(Duration.ofSeconds(1))
                .times(2));
        RegistrationReport report = registration.reconcile();
        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.withStatus(MetricOutcome.Status.CREATED)).hasSize(3);
        assertThat(local.faults().pending()).as("both rate limits were met").isEmpty();
        assertThat(local.metricsApi().metrics("default")).hasSize(3);
    }

    @Test
    void threeServerErrorsThenSuccess() {
        local.faults().inject(Fault.on("GET", "/api/v2/metrics/default").status(500).times(3));
        RegistrationReport report = registration.reconcile();
        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(local.faults().pending()).isEmpty();
        assertThat(local.metricsApi().metrics("default")).hasSize(3);
    }

    @Test
    void anUnauthorizedTokenStopsEverythingWithTheCause() {
        local.faults().inject(Fault.on("*", "/api/v2/metrics/**").status(401).always());
        RegistrationReport report = registration.reconcile();
        assertThat(report.state()).isEqualTo(RegistrationReport.State.FAILED);
        assertThat(report.problem()).contains("LaunchDarkly refused the API token (401)")
                .contains("quarkus.launchdarkly.api.token");
        assertThat(report.outcomes()).extracting(MetricOutcome::status).containsOnly(MetricOutcome.Status.FAILED);
        assertThat(writes(local)).isEmpty();
    }

    @Test
    void aForbiddenTokenSaysTheWriterRoleIsNeeded() {
        local.faults().inject(Fault.on("POST", "/api/v2/metrics/**").status(403).always());
        RegistrationReport report = registration.reconcile();
        assertThat(report.state()).isEqualTo(RegistrationReport.State.FAILED);
        assertThat(report.problem()).contains("403").contains("writer role");
        assertThat(local.metricsApi().metrics("default")).isEmpty();
    }

    @Test
    void aMetricThatKeepsFailingIsReportedAndTheOthersStillRegister() {
        local.faults().inject(Fault.on("POST", "/api/v2/metrics/default").status(500).times(4));
        RegistrationReport report = registration.reconcile();
        assertThat(report.state()).isEqualTo(RegistrationReport.State.FAILED);
        assertThat(report.withStatus(MetricOutcome.Status.FAILED)).singleElement()
                .satisfies(o -> assertThat(o.metricKey()).isEqualTo("ai.task.completion"));
        assertThat(report.withStatus(MetricOutcome.Status.CREATED)).hasSize(2);
    }

    @Test
    void aMetricMadeElsewhereWithoutTheManagedTagIsReadOnTheConflictAndCompared() {
        // Created in the LaunchDarkly UI (or by another instance starting now): the list of managed metrics lacks it.
        local.metricsApi().put("default", """
                {"key":"checkout.completed","name":"Made elsewhere","kind":"custom","eventKey":"checkout.completed",
                 "isNumeric":false,"tags":["team-a"]}""");

        RegistrationReport report = registration.reconcile();

        assertThat(report.outcomes()).filteredOn(o -> o.metricKey().equals("checkout.completed")).singleElement()
                .satisfies(o -> {
                    assertThat(o.status()).isEqualTo(MetricOutcome.Status.UPDATED);
                    assertThat(o.changedFields()).containsExactly("name", "tags");
                });
        assertThat(local.metricsApi().metric("default", "checkout.completed").orElseThrow().get("tags").toJsonString())
                .isEqualTo("[\"team-a\",\"managed-by-quarkus\"]");
        assertThat(local.metricsApi().calls()).filteredOn(c -> c.path().endsWith("/default") && c.method().equals("POST"))
                .extracting(c -> c.status()).contains(409);
        assertThat(local.metricsApi().metric("default", "checkout.completed").orElseThrow().get("name").stringValue())
                .isEqualTo("Checkout completed");
    }

}
