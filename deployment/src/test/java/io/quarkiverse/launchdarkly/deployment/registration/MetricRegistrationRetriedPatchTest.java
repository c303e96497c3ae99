package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A PATCH whose answer is lost (LaunchDarkly applied it, the client timed out) is sent again: the managed tag must
 * still be there once, so the patch sets the tags instead of appending to them.
 */
class MetricRegistrationRetriedPatchTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addAsResource(new StringAsset("""
                    quarkus.launchdarkly.metrics."checkout.completed".name=Checkout completed
                    quarkus.launchdarkly.registration.enabled=false
                    quarkus.launchdarkly.api.request-timeout=1s
                    """), "application.properties"));

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly local;

    @Test
    void theManagedTagIsAddedOnceThoughThePatchIsSentTwice() {
        local.reset();
        local.metricsApi().put("default", """
                {"key":"checkout.completed","name":"Checkout completed","kind":"custom","eventKey":"checkout.completed",
                 "isNumeric":false,"tags":["team-a"]}""");
        // Applied after the client gave up waiting: the client retries a request LaunchDarkly did carry out.
        local.faults().inject(Fault.on("PATCH", "/api/v2/metrics/default/checkout.completed").delay(Duration.ofSeconds(3)));

        RegistrationReport report = registration.reconcile();

        assertThat(report.outcomes()).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(MetricOutcome.Status.UPDATED));
        // The first PATCH is carried out after the retry, when its delay ends.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(local.metricsApi().calls())
                .filteredOn(c -> c.method().equals("PATCH")).as("sent twice, both carried out").hasSize(2));
        assertThat(local.metricsApi().metric("default", "checkout.completed").orElseThrow().get("tags").toJsonString())
                .isEqualTo("[\"team-a\",\"managed-by-quarkus\"]");
    }
}
