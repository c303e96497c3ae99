package io.quarkiverse.launchdarkly.deployment.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.TrackingFailureCounts.Reason;
import io.quarkiverse.launchdarkly.deployment.metrics.TrackedMetricTestBeans.Sentinel;
import io.quarkiverse.launchdarkly.metrics.ConstantData;
import io.quarkiverse.launchdarkly.metrics.MetricCondition;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.MetricValue;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Where the value of an event comes from, when it is sent, what data it carries and which conditions gate it, checked
 * on the events the real SDK delivered to the stand-in.
 */
class TrackedMetricValueSourcesBehaviourTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(Values.class, Tier.class, TrackedMetricTestBeans.class));

    @Inject
    Values values;

    @Inject
    Sentinel sentinel;

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Inject
    TrackingFailures failures;

    @BeforeEach
    void reset() {
        launchDarkly.reset();
    }

    @Test
    void conversionHasNoValueNoDataAndReturnsTheResult() {
        Object result = values.convert("user-conv");

        assertThat(result).isSameAs(Values.CONVERSION_RESULT);
        RecordedEvent event = launchDarkly.events().awaitCustomEvent("vs.conversion");
        assertThat(event.key()).isEqualTo("vs.conversion");
        assertThat(event.contextKind()).isEqualTo("user");
        assertThat(event.contextKey()).isEqualTo("user-conv");
        assertThat(event.metricValue()).isNull();
        assertThat(event.json().get("metricValue").isNull()).isTrue();
        assertThat(event.data()).isEqualTo(LDValue.ofNull());
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).hasSize(1);
    }

    @Test
    void parameterValueOfEveryNumericKind() {
        values.intValue("u", 7);
        values.boxedInt("u", Integer.valueOf(-3));
        values.longValue("u", 5_000_000_000L);
        values.doubleValue("u", 2.25);
        values.bigDecimal("u", new BigDecimal("12.75"));
        values.bigInteger("u", BigInteger.TEN.pow(12));
        values.number("u", new AtomicLong(9));

        assertThat(value("vs.int")).isEqualTo(7.0);
        assertThat(value("vs.boxed-int")).isEqualTo(-3.0);
        assertThat(value("vs.long")).isEqualTo(5_000_000_000.0);
        assertThat(value("vs.double")).isEqualTo(2.25);
        assertThat(value("vs.big-decimal")).isEqualTo(12.75);
        assertThat(value("vs.big-integer")).isEqualTo(1e12);
        assertThat(value("vs.number")).isEqualTo(9.0);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).extracting(RecordedEvent::key).containsExactly(
                "vs.int", "vs.boxed-int", "vs.long", "vs.double", "vs.big-decimal", "vs.big-integer", "vs.number");
    }

    @Test
    void resultValuePrimitiveAndBoxed() {
        assertThat(values.resultPrimitive("u", 41L)).isEqualTo(41L);
        Double boxed = Double.valueOf(3.5);
        assertThat(values.resultBoxed("u", boxed)).isSameAs(boxed);

        RecordedEvent primitive = launchDarkly.events().awaitCustomEvent("vs.result-primitive");
        assertThat(primitive.metricValue()).isEqualTo(41.0);
        assertThat(primitive.contextKey()).isEqualTo("u");
        assertThat(value("vs.result-boxed")).isEqualTo(3.5);
    }

    @Test
    void durationIsTheElapsedMillisecondsOfTheCall() throws InterruptedException {
        assertThat(values.slow("user-slow", 50)).isEqualTo("slept 50");

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("vs.duration");
        assertThat(event.contextKey()).isEqualTo("user-slow");
        assertThat(event.metricValue()).isGreaterThanOrEqualTo(50.0).isLessThan(5000.0);
    }

    @Test
    void outcomeIsOneOnSuccessAndZeroOnFailureBothSentByDefault() {
        Object ok = values.outcome("user-ok", null);
        assertThat(ok).isSameAs(Values.OUTCOME_RESULT);
        IllegalStateException failure = new IllegalStateException("outcome failure");
        assertThatThrownBy(() -> values.outcome("user-ko", failure)).isSameAs(failure);

        List<RecordedEvent> events = launchDarkly.events().awaitCustomEvents("vs.outcome", 2, WAIT);
        assertThat(events).extracting(RecordedEvent::contextKey).containsExactly("user-ok", "user-ko");
        assertThat(events).extracting(RecordedEvent::metricValue).containsExactly(1.0, 0.0);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).hasSize(2);
    }

    @Test
    void fixedValue() {
        values.fixed("user-fixed");

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("vs.fixed");
        assertThat(event.metricValue()).isEqualTo(42.5);
        assertThat(event.contextKey()).isEqualTo("user-fixed");
    }

    @Test
    void nullNanAndInfiniteValuesSendNothingAndAreCounted() {
        long before = failures.count(Reason.INVALID_VALUE);
        long noContextBefore = failures.count(Reason.NO_CONTEXT);
        long errorsBefore = failures.count(Reason.TRACKING_ERROR);

        values.boxedInt("u", null);
        values.doubleValue("u", Double.NaN);
        values.doubleValue("u", Double.POSITIVE_INFINITY);
        values.doubleValue("u", Double.NEGATIVE_INFINITY);
        values.bigDecimal("u", null);
        values.number("u", Float.NaN);
        assertThat(values.resultBoxed("u", null)).isNull();
        assertThat(values.resultBoxed("u", Double.NaN)).isNaN();

        assertThat(failures.count(Reason.INVALID_VALUE) - before).isEqualTo(8);
        assertThat(failures.count(Reason.NO_CONTEXT)).isEqualTo(noContextBefore);
        assertThat(failures.count(Reason.TRACKING_ERROR)).isEqualTo(errorsBefore);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();

        // A valid value afterwards is sent as usual.
        values.doubleValue("u", 1.5);
        assertThat(value("vs.double")).isEqualTo(1.5);
        assertThat(failures.count(Reason.INVALID_VALUE) - before).isEqualTo(8);
    }

    @Test
    void whenOnSuccessOnFailureAndAlways() throws Exception {
        IOException failure = new IOException("checked failure");

        // ON_SUCCESS: nothing on exception
        assertThatThrownBy(() -> values.onSuccess("u", "1", failure)).isSameAs(failure);
        // ON_FAILURE: nothing on success
        assertThat(values.onFailure("u", "2", null)).isSameAs(Values.WHEN_RESULT);
        // ALWAYS: nothing is skipped
        assertThat(values.always("u", "3", null)).isSameAs(Values.WHEN_RESULT);
        assertThatThrownBy(() -> values.always("u", "4", failure)).isSameAs(failure);

        List<RecordedEvent> events = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("vs.always", "vs.always");
        assertThat(events).extracting(e -> e.data().get("attempt").stringValue()).containsExactly("3", "4");
        launchDarkly.reset();

        assertThat(values.onSuccess("u", "5", null)).isSameAs(Values.WHEN_RESULT);
        assertThatThrownBy(() -> values.onFailure("u", "6", failure)).isSameAs(failure);

        events = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("vs.on-success", "vs.on-failure");
        assertThat(events).extracting(e -> e.data().get("attempt").stringValue()).containsExactly("5", "6");
        assertThat(events).extracting(RecordedEvent::metricValue).containsExactly(null, 2.0);
    }

    @Test
    void constantDataMergedWithEveryKindOfDataParameter() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("n", 3);
        attributes.put("s", "x");
        attributes.put("nested", List.of(true, Tier.GOLD));
        LDValue raw = LDValue.buildObject().put("already", "json").put("list", LDValue.arrayOf(LDValue.of(1))).build();

        values.data("user-data", "hello", 12, true, Tier.GOLD, List.of("a", "b"), attributes, raw);

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("vs.data");
        assertThat(event.contextKey()).isEqualTo("user-data");
        assertThat(event.metricValue()).isNull();
        assertThat(event.data()).isEqualTo(LDValue.buildObject()
                .put("text", "hello")
                .put("count", 12)
                .put("flag", true)
                .put("tier", "GOLD") // the name, not toString()
                .put("tags", LDValue.arrayOf(LDValue.of("a"), LDValue.of("b")))
                .put("attributes", LDValue.buildObject()
                        .put("n", 3)
                        .put("s", "x")
                        .put("nested", LDValue.arrayOf(LDValue.of(true), LDValue.of("GOLD")))
                        .build())
                .put("raw", raw)
                .put("source", "unit-test")
                .put("version", "2") // constants are JSON strings
                .build());
        assertThat(event.data().get("version").getType()).isEqualTo(com.launchdarkly.sdk.LDValueType.STRING);
    }

    @Test
    void nullDataArgumentsAreLeftOut() {
        values.data("user-data", null, 0, false, null, null, null, null);

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("vs.data");
        assertThat(event.data()).isEqualTo(LDValue.buildObject()
                .put("count", 0)
                .put("flag", false)
                .put("source", "unit-test")
                .put("version", "2")
                .build());
        assertThat(event.data().keys()).doesNotContain("text", "tier", "tags", "attributes", "raw");
    }

    @Test
    void conditionOnAParameter() {
        values.score("u", 30);
        values.score("u", 49);
        values.score("u", 50); // not below 50
        values.score("u", 80);

        List<RecordedEvent> events = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("vs.low-score", "vs.low-score");
        assertThat(events).extracting(e -> e.data().get("score").intValue()).containsExactly(30, 49);
        assertThat(events).extracting(RecordedEvent::metricValue).containsExactly(1.0, 1.0);
    }

    @Test
    void conditionRangeIsInclusive() {
        for (int score : new int[] { 9, 10, 15, 20, 21 }) {
            values.inRange("u", score);
        }

        List<RecordedEvent> events = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(events).extracting(RecordedEvent::key).containsOnly("vs.in-range");
        assertThat(events).extracting(RecordedEvent::metricValue).containsExactly(10.0, 15.0, 20.0);
    }

    @Test
    void conditionOnTheEventsOwnValue() {
        values.positive("u", 5.5);
        values.positive("u", 0.0);
        values.positive("u", -3.0);
        values.positive("u", 0.25);

        List<RecordedEvent> events = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(events).extracting(RecordedEvent::key).containsOnly("vs.positive");
        assertThat(events).extracting(RecordedEvent::metricValue).containsExactly(5.5, 0.25);
    }

    private Double value(String key) {
        RecordedEvent event = launchDarkly.events().awaitCustomEvent(key);
        assertThat(event.contextKind()).isEqualTo("user");
        assertThat(event.contextKey()).isEqualTo("u");
        return event.metricValue();
    }

    public enum Tier {
        SILVER,
        GOLD {
            @Override
            public String toString() {
                return "gold tier";
            }
        }
    }

    @ApplicationScoped
    public static class Values {

        static final Object CONVERSION_RESULT = new Object();
        static final Object OUTCOME_RESULT = new Object();
        static final List<String> WHEN_RESULT = new ArrayList<>(List.of("when"));

        @TrackedMetric("vs.conversion")
        public Object convert(@LaunchDarklyContext String user) {
            return CONVERSION_RESULT;
        }

        @TrackedMetric("vs.int")
        public void intValue(@LaunchDarklyContext String user, @MetricValue int value) {
        }

        @TrackedMetric("vs.boxed-int")
        public void boxedInt(@LaunchDarklyContext String user, @MetricValue Integer value) {
        }

        @TrackedMetric("vs.long")
        public void longValue(@LaunchDarklyContext String user, @MetricValue long value) {
        }

        @TrackedMetric("vs.double")
        public void doubleValue(@LaunchDarklyContext String user, @MetricValue double value) {
        }

        @TrackedMetric("vs.big-decimal")
        public void bigDecimal(@LaunchDarklyContext String user, @MetricValue BigDecimal value) {
        }

        @TrackedMetric("vs.big-integer")
        public void bigInteger(@LaunchDarklyContext String user, @MetricValue BigInteger value) {
        }

        @TrackedMetric("vs.number")
        public void number(@LaunchDarklyContext String user, @MetricValue Number value) {
        }

        @TrackedMetric(value = "vs.result-primitive", valueFrom = ValueFrom.RESULT)
        public long resultPrimitive(@LaunchDarklyContext String user, long result) {
            return result;
        }

        @TrackedMetric(value = "vs.result-boxed", valueFrom = ValueFrom.RESULT)
        public Double resultBoxed(@LaunchDarklyContext String user, Double result) {
            return result;
        }

        @TrackedMetric(value = "vs.duration", valueFrom = ValueFrom.DURATION)
        public String slow(@LaunchDarklyContext String user, long millis) throws InterruptedException {
            Thread.sleep(millis);
            return "slept " + millis;
        }

        @TrackedMetric(value = "vs.outcome", valueFrom = ValueFrom.OUTCOME)
        public Object outcome(@LaunchDarklyContext String user, RuntimeException failure) {
            if (failure != null) {
                throw failure;
            }
            return OUTCOME_RESULT;
        }

        @TrackedMetric(value = "vs.fixed", valueFrom = ValueFrom.FIXED, fixedValue = 42.5)
        public void fixed(@LaunchDarklyContext String user) {
        }

        @TrackedMetric(value = "vs.on-success", when = TrackedMetric.When.ON_SUCCESS)
        public List<String> onSuccess(@LaunchDarklyContext String user, @MetricData("attempt") String attempt,
                Exception failure)
                throws Exception {
            if (failure != null) {
                throw failure;
            }
            return WHEN_RESULT;
        }

        @TrackedMetric(value = "vs.on-failure", valueFrom = ValueFrom.FIXED, fixedValue = 2, when = TrackedMetric.When.ON_FAILURE)
        public List<String> onFailure(@LaunchDarklyContext String user, @MetricData("attempt") String attempt,
                Exception failure)
                throws Exception {
            if (failure != null) {
                throw failure;
            }
            return WHEN_RESULT;
        }

        @TrackedMetric(value = "vs.always", when = TrackedMetric.When.ALWAYS)
        public List<String> always(@LaunchDarklyContext String user, @MetricData("attempt") String attempt, Exception failure)
                throws Exception {
            if (failure != null) {
                throw failure;
            }
            return WHEN_RESULT;
        }

        @TrackedMetric(value = "vs.data", data = { @ConstantData(name = "source", value = "unit-test"),
                @ConstantData(name = "version", value = "2") })
        public void data(@LaunchDarklyContext String user, @MetricData("text") String text, @MetricData("count") int count,
                @MetricData("flag") boolean flag, @MetricData("tier") Tier tier, @MetricData("tags") List<String> tags,
                @MetricData("attributes") Map<String, Object> attributes, @MetricData("raw") LDValue raw) {
        }

        @TrackedMetric(value = "vs.low-score", valueFrom = ValueFrom.FIXED, onlyIf = @MetricCondition(parameter = "score", below = 50))
        public void score(@LaunchDarklyContext String user, @MetricData("score") int score) {
        }

        @TrackedMetric(value = "vs.in-range", onlyIf = @MetricCondition(parameter = "score", atLeast = 10, atMost = 20))
        public void inRange(@LaunchDarklyContext String user, @MetricValue int score) {
        }

        @TrackedMetric(value = "vs.positive", onlyIf = @MetricCondition(above = 0))
        public void positive(@LaunchDarklyContext String user, @MetricValue double amount) {
        }
    }
}
