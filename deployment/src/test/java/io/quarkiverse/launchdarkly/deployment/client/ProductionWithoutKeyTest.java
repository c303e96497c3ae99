package io.quarkiverse.launchdarkly.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/** A packaged application started in production mode with no SDK key stops at startup and says how to set one. */
class ProductionWithoutKeyTest {

    @RegisterExtension
    static final QuarkusProdModeTest APP = new QuarkusProdModeTest()
            .withEmptyApplication()
            .setApplicationName("no-key")
            .setApplicationVersion("1.0")
            // The deployment tests' classpath has the Dev UI's HTTP deployment module; the packaged app needs its runtime.
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-vertx-http", Version.getVersion())))
            .setRun(true)
            .setExpectExit(true);

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void startupFailsWithTheInstruction() {
        assertThat(APP.getExitCode()).isNotZero();
        assertThat(APP.getStartupConsoleOutput())
                .contains("No LaunchDarkly SDK key is configured. Set quarkus.launchdarkly.sdk-key (or the environment"
                        + " variable LAUNCHDARKLY_SDK_KEY)")
                .contains("quarkus.launchdarkly.offline=true")
                .contains("quarkus.launchdarkly.stand-in.url");
    }
}
