package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code registration.timeout} bounds the requests under way too: with a blocking registration, a timeout of 3 s and a
 * REST API that answers in 20 s, the startup's registration ends before that answer, reported as failed. (The bound is
 * the answer's delay, not the timeout plus a margin, so that a slow machine does not fail the test; a request that was
 * not cancelled takes the whole 20 s.)
 */
class MetricRegistrationTimeoutTest {

    static final Duration SLOW_ANSWER = Duration.ofSeconds(20);

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SlowApi.class).addAsResource(new StringAsset("""
                    quarkus.launchdarkly.metrics."checkout.completed".name=Checkout completed
                    quarkus.launchdarkly.registration.blocking=true
                    quarkus.launchdarkly.registration.timeout=3s
                    """), "application.properties"));

    @Inject
    MetricRegistration registration;

    @Inject
    SlowApi slowApi;

    @Test
    void theSlowRequestIsCancelledAtTheTimeout() {
        RegistrationReport report = registration.report();
        assertThat(report.state()).isEqualTo(RegistrationReport.State.FAILED);
        assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.reason()).contains("no answer within"));
        assertThat(Duration.ofNanos(slowApi.registrationEnded - slowApi.registrationStarted))
                .as("the blocking registration at startup, cancelled before the answer").isLessThan(SLOW_ANSWER);
    }

    /** Slows the REST API down before the registration's startup observer runs, and times that observer. */
    @ApplicationScoped
    public static class SlowApi {

        volatile long registrationStarted;
        volatile long registrationEnded;

        void slowDown(@Observes @Priority(1) StartupEvent event, LocalLaunchDarkly local) {
            local.faults().inject(Fault.on("GET", "/api/v2/metrics/**").delay(SLOW_ANSWER).times(1));
            registrationStarted = System.nanoTime();
        }

        void registered(@Observes @Priority(100_000) StartupEvent event) {
            registrationEnded = System.nanoTime();
        }
    }
}
