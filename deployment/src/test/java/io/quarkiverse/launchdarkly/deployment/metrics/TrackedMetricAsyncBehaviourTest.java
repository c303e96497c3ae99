package io.quarkiverse.launchdarkly.deployment.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.TrackingFailureCounts.Reason;
import io.quarkiverse.launchdarkly.deployment.metrics.TrackedMetricTestBeans.Sentinel;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Asynchronous results: events follow the completion of a {@code CompletionStage} and each subscription of a
 * {@code Uni} or {@code Multi}; the method body runs once and what the caller gets is what the method returned.
 */
class TrackedMetricAsyncBehaviourTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(Async.class, TrackedMetricTestBeans.class));

    @Inject
    Async async;

    @Inject
    Sentinel sentinel;

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Inject
    TrackingFailures failures;

    @BeforeEach
    void reset() {
        launchDarkly.reset();
        Async.BODY_CALLS.set(0);
        Async.LAST_FUTURE.set(null);
    }

    // ---- CompletionStage / CompletableFuture ----

    @Test
    void completableFutureIsTrackedWhenItCompletesOnAnotherThread() throws Exception {
        CompletableFuture<Integer> returned = async.future("cf-user", "web");

        assertThat(returned).isSameAs(Async.LAST_FUTURE.get());
        assertThat(Async.BODY_CALLS.get()).isEqualTo(1);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty(); // not complete yet

        Integer item = Integer.valueOf(1234);
        Thread completer = new Thread(() -> {
            sleep(60);
            returned.complete(item);
        }, "test-completer");
        completer.start();
        completer.join(5000);

        assertThat(returned.get(5, TimeUnit.SECONDS)).isSameAs(item);
        List<RecordedEvent> events = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(events).extracting(RecordedEvent::key, RecordedEvent::contextKey)
                .containsExactly(tuple("async.cf.result", "cf-user"), tuple("async.cf.outcome", "cf-user"),
                        tuple("async.cf.duration", "cf-user"));
        assertThat(events.get(0).metricValue()).isEqualTo(1234.0);
        assertThat(events.get(1).metricValue()).isEqualTo(1.0);
        assertThat(events.get(2).metricValue()).isGreaterThanOrEqualTo(50.0).isLessThan(5000.0);
        assertThat(events.get(0).data().get("channel").stringValue()).isEqualTo("web");
        assertThat(Async.BODY_CALLS.get()).isEqualTo(1);
    }

    @Test
    void failedCompletableFutureSendsOutcomeZeroAndKeepsItsFailure() throws Exception {
        CompletableFuture<Integer> returned = async.future("cf-user", "web");
        IllegalStateException failure = new IllegalStateException("async failure");

        Thread completer = new Thread(() -> returned.completeExceptionally(failure), "test-completer");
        completer.start();
        completer.join(5000);

        assertThat(returned).isSameAs(Async.LAST_FUTURE.get());
        assertThat(returned.handle((item, error) -> error).get(5, TimeUnit.SECONDS)).isSameAs(failure);
        List<RecordedEvent> events = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(events).extracting(RecordedEvent::key, RecordedEvent::metricValue)
                .containsExactly(tuple("async.cf.outcome", 0.0)); // result and duration are sent on success only
        assertThat(Async.BODY_CALLS.get()).isEqualTo(1);
    }

    @Test
    void completionStageResultIsTheItem() throws Exception {
        CompletableFuture<Double> source = new CompletableFuture<>();
        CompletionStage<Double> returned = async.stage("cs-user", source);

        assertThat(returned).isSameAs(source);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();

        Thread completer = new Thread(() -> source.complete(2.75), "test-completer");
        completer.start();
        completer.join(5000);

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("async.cs.result");
        assertThat(event.metricValue()).isEqualTo(2.75);
        assertThat(event.contextKey()).isEqualTo("cs-user");
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).hasSize(1);
    }

    // ---- Uni ----

    @Test
    void uniIsTrackedPerSubscriptionAndNotBefore() {
        Integer item = Integer.valueOf(5000);
        Uni<Integer> uni = async.uni("uni-user", item, null);

        assertThat(Async.BODY_CALLS.get()).isEqualTo(1);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty(); // nothing until subscribed

        assertThat(uni.await().atMost(WAIT)).isSameAs(item);
        List<RecordedEvent> first = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(first).extracting(RecordedEvent::key, RecordedEvent::metricValue, RecordedEvent::contextKey)
                .containsExactly(tuple("async.uni.result", 5000.0, "uni-user"),
                        tuple("async.uni.outcome", 1.0, "uni-user"));

        assertThat(uni.await().atMost(WAIT)).isSameAs(item);
        List<RecordedEvent> both = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(both).extracting(RecordedEvent::key).containsExactly("async.uni.result", "async.uni.outcome",
                "async.uni.result", "async.uni.outcome");
        assertThat(Async.BODY_CALLS.get()).isEqualTo(1); // the method ran once; each subscription is tracked
    }

    @Test
    void failedUniSendsOutcomeZeroAndKeepsItsFailure() {
        IllegalArgumentException failure = new IllegalArgumentException("uni failure");
        Uni<Integer> uni = async.uni("uni-user", 1, failure);

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();
        assertThatThrownBy(() -> uni.await().atMost(WAIT)).isSameAs(failure);

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::metricValue)
                .containsExactly(tuple("async.uni.outcome", 0.0));
        assertThat(Async.BODY_CALLS.get()).isEqualTo(1);
    }

    @Test
    void cancelledUniSendsNothing() {
        long invalidBefore = failures.count(Reason.INVALID_VALUE);
        Uni<Integer> uni = async.pendingUni("uni-user");
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();

        AtomicReference<Object> received = new AtomicReference<>();
        Cancellable subscription = uni.subscribe().with(received::set, received::set);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty(); // still pending
        subscription.cancel();

        // Neither a success nor a failure: no outcome, and no result since there is no item
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();
        assertThat(failures.count(Reason.INVALID_VALUE)).isEqualTo(invalidBefore);
        assertThat(received.get()).isNull();
        assertThat(Async.BODY_CALLS.get()).isEqualTo(1);
    }

    // ---- Multi ----

    @Test
    void multiResultIsTheNumberOfItems() {
        List<String> items = List.of("a", "b", "c");
        Multi<String> multi = async.multi("multi-user", items, null);

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty(); // nothing until subscribed
        assertThat(multi.collect().asList().await().atMost(WAIT)).containsExactly("a", "b", "c");

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::metricValue, RecordedEvent::contextKey)
                .containsExactly(tuple("async.multi.count", 3.0, "multi-user"),
                        tuple("async.multi.outcome", 1.0, "multi-user"));

        // a second subscription is a second execution
        assertThat(multi.collect().asList().await().atMost(WAIT)).hasSize(3);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).hasSize(4);
        assertThat(Async.BODY_CALLS.get()).isEqualTo(1);
    }

    @Test
    void multiFailingMidStreamSendsOutcomeZeroAndKeepsItsFailure() {
        IllegalStateException failure = new IllegalStateException("stream broke");
        Multi<String> multi = async.multi("multi-user", List.of("a", "b"), failure);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> multi.onItem().invoke(seen::add).collect().asList().await().atMost(WAIT))
                .isSameAs(failure);

        assertThat(seen).containsExactly("a", "b");
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::metricValue)
                .containsExactly(tuple("async.multi.outcome", 0.0));
        assertThat(Async.BODY_CALLS.get()).isEqualTo(1);
    }

    @Test
    void multiCancelledAfterTwoItemsSendsNothing() {
        long invalidBefore = failures.count(Reason.INVALID_VALUE);
        Multi<String> multi = async.multi("multi-user", List.of("a", "b", "c", "d", "e"), null);

        assertThat(multi.select().first(2).collect().asList().await().atMost(WAIT)).containsExactly("a", "b");

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();
        assertThat(failures.count(Reason.INVALID_VALUE)).isEqualTo(invalidBefore);
        assertThat(Async.BODY_CALLS.get()).isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ApplicationScoped
    public static class Async {

        static final AtomicInteger BODY_CALLS = new AtomicInteger();
        static final AtomicReference<CompletableFuture<Integer>> LAST_FUTURE = new AtomicReference<>();

        @TrackedMetric(value = "async.cf.result", valueFrom = ValueFrom.RESULT)
        @TrackedMetric(value = "async.cf.outcome", valueFrom = ValueFrom.OUTCOME)
        @TrackedMetric(value = "async.cf.duration", valueFrom = ValueFrom.DURATION)
        public CompletableFuture<Integer> future(@LaunchDarklyContext String user, @MetricData("channel") String channel) {
            BODY_CALLS.incrementAndGet();
            CompletableFuture<Integer> future = new CompletableFuture<>();
            LAST_FUTURE.set(future);
            return future;
        }

        @TrackedMetric(value = "async.cs.result", valueFrom = ValueFrom.RESULT)
        public CompletionStage<Double> stage(@LaunchDarklyContext String user, CompletableFuture<Double> source) {
            BODY_CALLS.incrementAndGet();
            return source;
        }

        @TrackedMetric(value = "async.uni.result", valueFrom = ValueFrom.RESULT)
        @TrackedMetric(value = "async.uni.outcome", valueFrom = ValueFrom.OUTCOME)
        public Uni<Integer> uni(@LaunchDarklyContext String user, Integer item, RuntimeException failure) {
            BODY_CALLS.incrementAndGet();
            return failure != null ? Uni.createFrom().failure(failure) : Uni.createFrom().item(item);
        }

        @TrackedMetric(value = "async.uni.pending", valueFrom = ValueFrom.OUTCOME)
        @TrackedMetric(value = "async.uni.pending-result", valueFrom = ValueFrom.RESULT)
        public Uni<Integer> pendingUni(@LaunchDarklyContext String user) {
            BODY_CALLS.incrementAndGet();
            return Uni.createFrom().emitter(emitter -> {
                // never emits: only a cancellation ends it
            });
        }

        @TrackedMetric(value = "async.multi.count", valueFrom = ValueFrom.RESULT)
        @TrackedMetric(value = "async.multi.outcome", valueFrom = ValueFrom.OUTCOME)
        public Multi<String> multi(@LaunchDarklyContext String user, List<String> items, RuntimeException failureAtEnd) {
            BODY_CALLS.incrementAndGet();
            Multi<String> multi = Multi.createFrom().iterable(items);
            return failureAtEnd == null ? multi : multi.onCompletion().failWith(failureAtEnd);
        }
    }
}
