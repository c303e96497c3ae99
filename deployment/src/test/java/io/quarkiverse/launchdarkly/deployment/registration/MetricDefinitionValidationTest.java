package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.deployment.testing.BuildFailure;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/** Every mistake in the metric definitions is reported in one build failure, by property name. */
class MetricDefinitionValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addAsResource(new StringAsset("""
                    quarkus.launchdarkly.metrics."no.unit".numeric=true
                    quarkus.launchdarkly.metrics."no.unit".success-criteria=higher-than-baseline
                    quarkus.launchdarkly.metrics."no.criteria".numeric=true
                    quarkus.launchdarkly.metrics."no.criteria".unit=count
                    quarkus.launchdarkly.metrics."percentile".numeric=true
                    quarkus.launchdarkly.metrics."percentile".unit=ms
                    quarkus.launchdarkly.metrics."percentile".success-criteria=lower-than-baseline
                    quarkus.launchdarkly.metrics."percentile".analysis-type=percentile
                    quarkus.launchdarkly.metrics."click".kind=click
                    quarkus.launchdarkly.metrics."click".urls=https://shop.example/cart
                    quarkus.launchdarkly.metrics."enums".kind=custom
                    quarkus.launchdarkly.metrics."enums".success-criteria=bigger
                    quarkus.launchdarkly.metrics."enums".unit-aggregation=median
                    quarkus.launchdarkly.metrics."enums".analysis-type=mode
                    quarkus.launchdarkly.metrics."kind".kind=scroll
                    """), "application.properties"))
            .assertException(thrown -> {
                Throwable cause = BuildFailure.find(thrown, ConfigurationException.class, m -> true);
                assertThat(cause).as("a ConfigurationException in %s", thrown).isNotNull();
                assertThat(cause.getMessage()).contains("Invalid LaunchDarkly metric definitions (8 mistake(s))")
                        .contains("quarkus.launchdarkly.metrics.\"no.unit\".unit is required for a numeric metric")
                        .contains("quarkus.launchdarkly.metrics.\"no.criteria\".success-criteria is required for a"
                                + " numeric metric")
                        .contains("quarkus.launchdarkly.metrics.\"percentile\".percentile-value is required when"
                                + " analysis-type is percentile")
                        .contains("quarkus.launchdarkly.metrics.\"click\".selector is required for a click metric")
                        .contains("quarkus.launchdarkly.metrics.\"enums\".success-criteria: unknown value 'bigger',"
                                + " expected one of [higher-than-baseline, lower-than-baseline]")
                        .contains("quarkus.launchdarkly.metrics.\"enums\".unit-aggregation: unknown value 'median'")
                        .contains("quarkus.launchdarkly.metrics.\"enums\".analysis-type: unknown value 'mode'")
                        .contains("quarkus.launchdarkly.metrics.\"kind\".kind: unknown value 'scroll'");
            });

    @Test
    void buildFails() {
        throw new AssertionError("the build should have failed");
    }
}
