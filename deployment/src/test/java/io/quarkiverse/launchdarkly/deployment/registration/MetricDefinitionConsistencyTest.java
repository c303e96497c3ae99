package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.deployment.testing.LogRecordText;
import io.quarkiverse.launchdarkly.metrics.MetricValue;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The build compares the definitions with what the code tracks: a numeric metric fed only conversions (and the
 * reverse) is a warning naming both places; keys on one side only are listed in one info line.
 */
class MetricDefinitionConsistencyTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(Tracker.class).addAsResource(new StringAsset("""
                    quarkus.launchdarkly.registration.enabled=false
                    quarkus.launchdarkly.metrics."checkout.completed".numeric=true
                    quarkus.launchdarkly.metrics."checkout.completed".unit=count
                    quarkus.launchdarkly.metrics."checkout.completed".success-criteria=higher-than-baseline
                    quarkus.launchdarkly.metrics."order.amount".name=Order amount
                    quarkus.launchdarkly.metrics."defined.only".name=Defined only
                    """), "application.properties"))
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.INFO.intValue()
                    && String.valueOf(record.getMessage()).contains("LaunchDarkly metric"))
            .assertLogRecords(records -> {
                List<String> messages = records.stream().map(LogRecordText::of).toList();
                String tracker = Tracker.class.getName();
                assertThat(messages).anySatisfy(m -> assertThat(m)
                        .contains("LaunchDarkly metric quarkus.launchdarkly.metrics.\"checkout.completed\".numeric is"
                                + " numeric, but event 'checkout.completed' is tracked without a value by [" + tracker
                                + "#checkout(String)]"));
                assertThat(messages).anySatisfy(m -> assertThat(m)
                        .contains("LaunchDarkly metric quarkus.launchdarkly.metrics.\"order.amount\".numeric is a"
                                + " conversion metric, but event 'order.amount' is tracked with a value by [" + tracker
                                + "#order(String, double)]"));
                assertThat(messages).anySatisfy(m -> assertThat(m)
                        .contains("event keys tracked by @TrackedMetric without a metric definition: [tracked.only]")
                        .contains("metric definitions whose event key no @TrackedMetric tracks: [defined.only]"));
            });

    @Test
    void theApplicationStarts() {
        // The mismatches are warnings, not errors.
    }

    @ApplicationScoped
    public static class Tracker {

        @TrackedMetric("checkout.completed")
        public void checkout(@LaunchDarklyContext String user) {
        }

        @TrackedMetric("order.amount")
        public void order(@LaunchDarklyContext String user, @MetricValue double amount) {
        }

        @TrackedMetric("tracked.only")
        public void other(@LaunchDarklyContext String user) {
        }
    }
}
