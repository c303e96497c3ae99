package io.quarkiverse.launchdarkly.deployment.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.deployment.metrics.TrackedMetricTestBeans.Sentinel;
import io.quarkiverse.launchdarkly.metrics.ConstantData;
import io.quarkiverse.launchdarkly.metrics.MetricCondition;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.MetricValue;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;

/** Several {@link TrackedMetric} on one method: one call sends them all, in declaration order. */
class TrackedMetricRepeatableBehaviourTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(Orders.class, Feedback.class, TrackedMetricTestBeans.class));

    @Inject
    Orders orders;

    @Inject
    Feedback feedback;

    @Inject
    Sentinel sentinel;

    @Inject
    LocalLaunchDarkly launchDarkly;

    @BeforeEach
    void reset() {
        launchDarkly.reset();
        Orders.CALLS.set(0);
    }

    @Test
    void allEventsOfOneSuccessfulCallInDeclarationOrder() {
        BigDecimal total = orders.place("buyer-1", 3, "web", null);

        assertThat(total).isSameAs(Orders.TOTAL);
        assertThat(Orders.CALLS.get()).isEqualTo(1);
        launchDarkly.events().awaitCustomEvents("order.success", 1, Duration.ofSeconds(10));
        List<RecordedEvent> events = launchDarkly.events().all().stream()
                .filter(RecordedEvent::isCustom)
                .toList();
        assertThat(events)
                .extracting(RecordedEvent::key, RecordedEvent::metricValue)
                .containsExactly(
                        tuple("order.placed", null),
                        tuple("order.amount", 99.5),
                        tuple("order.items", 3.0),
                        tuple("order.channel-bonus", 5.0),
                        tuple("order.success", 1.0));
        assertThat(events).extracting(RecordedEvent::contextKey).containsOnly("buyer-1");
        LDValue data = LDValue.buildObject().put("channel", "web").build();
        assertThat(events.get(0).data()).isEqualTo(data);
        assertThat(events.get(1).data()).isEqualTo(data);
        assertThat(events.get(2).data()).isEqualTo(data);
        // only this event has a constant: the others keep the parameter data alone
        assertThat(events.get(3).data())
                .isEqualTo(LDValue.buildObject().put("channel", "web").put("bonus", "yes").build());
        assertThat(events.get(4).data()).isEqualTo(data);
        assertThat(events).extracting(RecordedEvent::sequence).isSorted();
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).hasSize(5);
    }

    @Test
    void aFailedCallSendsOnlyItsFailureEventsInDeclarationOrder() {
        IllegalArgumentException failure = new IllegalArgumentException("card declined");

        assertThatThrownBy(() -> orders.place("buyer-2", 2, "mobile", failure)).isSameAs(failure);

        assertThat(Orders.CALLS.get()).isEqualTo(1);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::metricValue, RecordedEvent::contextKey)
                .containsExactly(
                        tuple("order.success", 0.0, "buyer-2"),
                        tuple("order.failed", 1.0, "buyer-2"));
    }

    @Test
    void aConditionGatesOnlyItsOwnEvent() {
        orders.place("buyer-3", 1, "store", null); // items 1: no channel bonus (needs at least 2)

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key)
                .containsExactly("order.placed", "order.amount", "order.items", "order.success");
    }

    @Test
    void satisfactionLowScoreSendsBoth() {
        feedback.rate("rater-1", 30, "survey");

        List<RecordedEvent> events = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(events)
                .extracting(RecordedEvent::key, RecordedEvent::metricValue, RecordedEvent::contextKind,
                        RecordedEvent::contextKey)
                .containsExactly(
                        tuple("user.satisfaction", 30.0, "user", "rater-1"),
                        tuple("user.negative_feedback", 1.0, "user", "rater-1"));
        LDValue data = LDValue.buildObject().put("feedbackType", "survey").build();
        assertThat(events).extracting(RecordedEvent::data).containsExactly(data, data);
    }

    @Test
    void satisfactionHighScoreSendsOnlyTheFirst() {
        feedback.rate("rater-2", 80, "chat");
        feedback.rate("rater-3", 50, "chat"); // not below 50

        List<RecordedEvent> events = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(events)
                .extracting(RecordedEvent::key, RecordedEvent::metricValue, RecordedEvent::contextKey)
                .containsExactly(
                        tuple("user.satisfaction", 80.0, "rater-2"),
                        tuple("user.satisfaction", 50.0, "rater-3"));
        assertThat(events.get(0).data()).isEqualTo(LDValue.buildObject().put("feedbackType", "chat").build());
    }

    @ApplicationScoped
    public static class Orders {

        static final BigDecimal TOTAL = new BigDecimal("99.5");

        static final AtomicInteger CALLS = new AtomicInteger();

        @TrackedMetric(value = "order.placed", valueFrom = ValueFrom.NONE)
        @TrackedMetric(value = "order.amount", valueFrom = ValueFrom.RESULT)
        @TrackedMetric("order.items") // the @MetricValue parameter by default
        @TrackedMetric(value = "order.channel-bonus", valueFrom = ValueFrom.FIXED, fixedValue = 5, data = @ConstantData(name = "bonus", value = "yes"), onlyIf = @MetricCondition(parameter = "items", atLeast = 2))
        @TrackedMetric(value = "order.success", valueFrom = ValueFrom.OUTCOME)
        @TrackedMetric(value = "order.failed", valueFrom = ValueFrom.FIXED, when = TrackedMetric.When.ON_FAILURE)
        public BigDecimal place(@LaunchDarklyContext String buyer, @MetricValue int items,
                @MetricData("channel") String channel,
                RuntimeException failure) {
            CALLS.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return TOTAL;
        }
    }

    @ApplicationScoped
    public static class Feedback {

        @TrackedMetric("user.satisfaction")
        @TrackedMetric(value = "user.negative_feedback", valueFrom = ValueFrom.FIXED, onlyIf = @MetricCondition(parameter = "score", below = 50))
        public void rate(@LaunchDarklyContext String user, @MetricValue double score, @MetricData("feedbackType") String type) {
        }
    }
}
