package io.quarkiverse.launchdarkly.deployment.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.deployment.testing.LogRecordText;
import io.quarkiverse.launchdarkly.metrics.MetricValue;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;
import io.quarkus.test.QuarkusUnitTest;

/** Allowed but suspicious uses build, with a warning that names the method. */
class TrackedMetricWarningsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Suspicious.class, NotABean.class, UnusedAssistant.class))
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
                    && (String.valueOf(record.getMessage()).contains("@TrackedMetric")
                            || String.valueOf(record.getMessage()).contains("@AiGeneration")))
            .assertLogRecords(TrackedMetricWarningsTest::warnings);

    static void warnings(List<LogRecord> records) {
        List<String> messages = records.stream().map(LogRecordText::of).toList();
        String suspicious = "@TrackedMetric on " + Suspicious.class.getName();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains(suspicious + "#successOnlyOutcome(String): event"
                + " 'outcome' sends the outcome only on success, so it is always 1.0"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains(suspicious + "#alwaysResult(String): event 'result'"
                + " takes its value from the result and is sent always"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains(suspicious + "#unusedValue(double): the @MetricValue"
                + " parameter 'amount' is not the value of any event"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains(suspicious + "#twice(String): event 'twice' is"
                + " declared twice"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("neither " + NotABean.class.getName()
                + " nor a subclass of it is a CDI bean"));
        // Beans that nothing uses are removed by Quarkus and never called: neither annotation warns about them.
        assertThat(messages).noneSatisfy(m -> assertThat(m).contains(Suspicious.class.getName() + " nor"));
        assertThat(messages).noneSatisfy(m -> assertThat(m).contains(UnusedAssistant.class.getName() + " nor"));
    }

    @Test
    void theApplicationStarts() {
        // Reaching this method means the warnings did not fail the build.
    }

    @ApplicationScoped
    public static class Suspicious {

        @TrackedMetric(value = "outcome", valueFrom = ValueFrom.OUTCOME, when = TrackedMetric.When.ON_SUCCESS)
        public void successOnlyOutcome(@LaunchDarklyContext String user) {
        }

        @TrackedMetric(value = "result", valueFrom = ValueFrom.RESULT, when = TrackedMetric.When.ALWAYS)
        public double alwaysResult(@LaunchDarklyContext String user) {
            return 1;
        }

        @TrackedMetric(value = "fixed", valueFrom = ValueFrom.FIXED)
        public void unusedValue(@MetricValue double amount) {
        }

        @TrackedMetric("twice")
        @TrackedMetric("twice")
        public void twice(@LaunchDarklyContext String user) {
        }
    }

    /** A bean nothing injects, so Quarkus removes it. */
    @ApplicationScoped
    public static class UnusedAssistant {

        @AiGeneration(config = "chat")
        public String answer(@LaunchDarklyContext String user) {
            return "";
        }
    }

    /** Not a bean: CDI never intercepts it. */
    public static class NotABean {

        @TrackedMetric("ignored")
        public void work() {
        }
    }
}
