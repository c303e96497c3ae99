package io.quarkiverse.launchdarkly.deployment.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.runtime.registration.StartupMetricRegistration;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A registration that failed (LaunchDarkly's REST API answering 503) runs again in the background and succeeds once the
 * API answers again. Meanwhile the application stays ready: the outcome is a wellness check. When the application stops,
 * no background thread is left.
 */
class MetricRegistrationRecoveryTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(FailingApi.class).addAsResource(new StringAsset("""
                    quarkus.launchdarkly.metrics."checkout.completed".name=Checkout completed
                    quarkus.launchdarkly.registration.max-retries=0
                    quarkus.launchdarkly.registration.retry-backoff=4s
                    quarkus.launchdarkly.registration.retry-max-backoff=4s
                    """), "application.properties"))
            .setAfterUndeployListener(() -> assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(thread -> thread.getName().startsWith(StartupMetricRegistration.THREAD_NAME))
                    .as("background registration threads after the application stopped")
                    .noneMatch(Thread::isAlive));

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly local;

    @Test
    void aFailedRegistrationRecoversByItselfAndNeverMakesTheApplicationUnready() {
        // A background run starts 2 to 4 s after a failure (backoff with jitter) and reports itself as running: the
        // checks below run well inside that window.
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> registration.report().state() == RegistrationReport.State.FAILED);
        assertThat(registration.report().problem() + " " + registration.report().outcomes()).contains("503");

        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", not(hasItem("LaunchDarkly metric registration")));
        given().when().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'LaunchDarkly metric registration' }.status", is("DOWN"))
                .body("checks.find { it.name == 'LaunchDarkly metric registration' }.data.state", is("failed"));

        local.faults().clear();

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> registration.report().state() == RegistrationReport.State.DONE);
        assertThat(local.metricsApi().metric("default", "checkout.completed")).isPresent();
        given().when().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'LaunchDarkly metric registration' }.status", is("UP"));
    }

    /** Makes the REST API fail before the registration's startup observer runs. */
    @ApplicationScoped
    public static class FailingApi {

        void fail(@Observes @Priority(1) StartupEvent event, LocalLaunchDarkly local) {
            local.faults().inject(Fault.on("*", "/api/v2/metrics/**").status(503).always());
        }
    }
}
