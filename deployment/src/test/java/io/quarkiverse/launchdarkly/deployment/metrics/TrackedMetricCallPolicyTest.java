package io.quarkiverse.launchdarkly.deployment.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.ContextResolver;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.TrackingFailureCounts.Reason;
import io.quarkiverse.launchdarkly.deployment.metrics.TrackedMetricTestBeans.Sentinel;
import io.quarkiverse.launchdarkly.deployment.metrics.overloads.a.Cart;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * The call policy every annotation shares, seen through {@code @TrackedMetric}: a cancelled call (a timeout) is neither
 * a success nor a failure, each subscription of a retried {@code Uni} is its own execution, the context is taken when
 * the method is called, a {@code CompletableFuture} subclass is asynchronous, and overloads are two methods.
 */
class TrackedMetricCallPolicyTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(Calls.class, RequestUser.class, RequestUserResolver.class, PendingReply.class, Cart.class,
                    io.quarkiverse.launchdarkly.deployment.metrics.overloads.b.Cart.class, TrackedMetricTestBeans.class));

    @Inject
    Calls calls;

    @Inject
    RequestUser requestUser;

    @Inject
    Sentinel sentinel;

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Inject
    TrackingFailures failures;

    @BeforeEach
    void reset() {
        launchDarkly.reset();
        Calls.SUBSCRIPTIONS.set(0);
    }

    @Test
    void aUniCancelledByATimeoutSendsNeitherSuccessNorFailure() {
        long noContextBefore = failures.count(Reason.NO_CONTEXT);

        assertThatThrownBy(() -> calls.slow("timeout-user").ifNoItem().after(Duration.ofMillis(50)).fail()
                .await().atMost(WAIT)).isInstanceOf(TimeoutException.class);
        assertThatThrownBy(() -> calls.slow("await-user").await().atMost(Duration.ofMillis(50)))
                .isInstanceOf(TimeoutException.class);

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();
        assertThat(failures.count(Reason.NO_CONTEXT)).isEqualTo(noContextBefore);
    }

    @Test
    void eachSubscriptionOfARetriedUniIsOneExecution() {
        assertThat(calls.flaky("retry-user").onFailure().retry().atMost(2).await().atMost(WAIT)).isEqualTo(3);

        assertThat(Calls.SUBSCRIPTIONS.get()).isEqualTo(3);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::metricValue, RecordedEvent::contextKey)
                .containsExactly(tuple("policy.flaky.outcome", 0.0, "retry-user"),
                        tuple("policy.flaky.outcome", 0.0, "retry-user"),
                        tuple("policy.flaky.outcome", 1.0, "retry-user"));
    }

    @Test
    void anAsynchronousResultKeepsTheContextOfTheRequestThatCalled() throws Exception {
        ManagedContext request = Arc.container().requestContext();
        CompletableFuture<Integer> pending;
        request.activate();
        try {
            requestUser.name = "request-user";
            pending = calls.later();
        } finally {
            request.terminate();
        }
        // Completed after the request ended, on another thread: the resolver's request-scoped bean is gone by now.
        CompletableFuture.runAsync(() -> pending.complete(7)).get(5, TimeUnit.SECONDS);

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::metricValue, RecordedEvent::contextKey)
                .containsExactly(tuple("policy.later.result", 7.0, "request-user"));
    }

    @Test
    void aCompletableFutureSubclassIsTrackedWhenItCompletes() {
        PendingReply reply = calls.reply("subclass-user");
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();

        reply.complete(42);

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::metricValue)
                .containsExactly(tuple("policy.subclass.outcome", 1.0));
    }

    @Test
    void overloadsWhoseParameterTypesShareASimpleNameAreBothTracked() {
        calls.pay("overload-user", new Cart("a-1"));
        calls.pay("overload-user", new io.quarkiverse.launchdarkly.deployment.metrics.overloads.b.Cart("b-1"));

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).extracting(RecordedEvent::key)
                .containsExactly("policy.pay.a", "policy.pay.b");
    }

    /** A reply that completes later: a {@code CompletableFuture} by inheritance, not by its declared type's name. */
    public static class PendingReply extends CompletableFuture<Integer> {
    }

    @RequestScoped
    public static class RequestUser {
        String name;
    }

    @ApplicationScoped
    public static class RequestUserResolver implements ContextResolver {

        @Inject
        RequestUser user;

        @Override
        public Optional<LDContext> resolve() {
            return Optional.ofNullable(user.name).map(LDContext::create);
        }
    }

    @ApplicationScoped
    public static class Calls {

        static final AtomicInteger SUBSCRIPTIONS = new AtomicInteger();

        @TrackedMetric(value = "policy.slow.outcome", valueFrom = ValueFrom.OUTCOME)
        @TrackedMetric(value = "policy.slow.duration", valueFrom = ValueFrom.DURATION, when = TrackedMetric.When.ALWAYS)
        public Uni<Integer> slow(@LaunchDarklyContext String user) {
            return Uni.createFrom().item(1).onItem().delayIt().by(Duration.ofSeconds(5));
        }

        @TrackedMetric(value = "policy.flaky.outcome", valueFrom = ValueFrom.OUTCOME)
        public Uni<Integer> flaky(@LaunchDarklyContext String user) {
            return Uni.createFrom().item(() -> {
                int subscription = SUBSCRIPTIONS.incrementAndGet();
                if (subscription < 3) {
                    throw new IllegalStateException("attempt " + subscription + " fails");
                }
                return subscription;
            });
        }

        @TrackedMetric(value = "policy.later.result", valueFrom = ValueFrom.RESULT)
        public CompletableFuture<Integer> later() {
            return new CompletableFuture<>();
        }

        @TrackedMetric(value = "policy.subclass.outcome", valueFrom = ValueFrom.OUTCOME)
        public PendingReply reply(@LaunchDarklyContext String user) {
            return new PendingReply();
        }

        @TrackedMetric("policy.pay.a")
        public void pay(@LaunchDarklyContext String user, Cart cart) {
        }

        @TrackedMetric("policy.pay.b")
        public void pay(@LaunchDarklyContext String user,
                io.quarkiverse.launchdarkly.deployment.metrics.overloads.b.Cart cart) {
        }
    }
}
