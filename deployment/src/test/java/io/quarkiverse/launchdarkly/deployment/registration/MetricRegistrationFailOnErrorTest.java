package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/** With fail-on-error, a registration that fails (here: the token is refused) fails startup with the cause. */
class MetricRegistrationFailOnErrorTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(RegistrationTestSupport.class, RefusingApi.class)
                    .addAsResource(new StringAsset(RegistrationTestSupport.THREE_METRICS
                            + "quarkus.launchdarkly.registration.fail-on-error=true\n"), "application.properties"))
            .assertException(thrown -> {
                Throwable cause = thrown;
                while (cause != null && !(cause instanceof IllegalStateException)) {
                    cause = cause.getCause();
                }
                assertThat(cause).as("an IllegalStateException in %s", thrown).isNotNull();
                assertThat(cause.getMessage()).contains("LaunchDarkly refused the API token (401)")
                        .contains("quarkus.launchdarkly.registration.fail-on-error=true");
            });

    @Test
    void startupFails() {
        throw new AssertionError("startup should have failed");
    }

    /** Makes the metrics API refuse the token before the registration's startup observer runs. */
    @ApplicationScoped
    public static class RefusingApi {

        void refuse(@Observes @Priority(1) StartupEvent event, LocalLaunchDarkly local) {
            local.faults().inject(Fault.on("*", "/api/v2/metrics/**").status(401).always());
        }
    }
}
