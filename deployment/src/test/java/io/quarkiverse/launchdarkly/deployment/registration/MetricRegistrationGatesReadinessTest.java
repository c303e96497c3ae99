package io.quarkiverse.launchdarkly.deployment.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

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
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/** With {@code registration.gates-readiness=true}, a failed registration makes the application not ready. */
class MetricRegistrationGatesReadinessTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(FailingApi.class).addAsResource(new StringAsset("""
                    quarkus.launchdarkly.metrics."checkout.completed".name=Checkout completed
                    quarkus.launchdarkly.registration.max-retries=0
                    """), "application.properties"))
            .overrideRuntimeConfigKey("quarkus.launchdarkly.registration.gates-readiness", "true");

    @Inject
    MetricRegistration registration;

    @Test
    void aFailedRegistrationMakesTheApplicationNotReady() {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> registration.report().state() == RegistrationReport.State.FAILED);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'LaunchDarkly metric registration' }.status", is("DOWN"));
    }

    /** Makes the REST API fail before the registration's startup observer runs. */
    @ApplicationScoped
    public static class FailingApi {

        void fail(@Observes @Priority(1) StartupEvent event, LocalLaunchDarkly local) {
            local.faults().inject(Fault.on("*", "/api/v2/metrics/**").status(503).always());
        }
    }
}
