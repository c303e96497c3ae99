package io.quarkiverse.launchdarkly.deployment.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.ContextKind;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.ContextResolver;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.TrackingFailureCounts.Reason;
import io.quarkiverse.launchdarkly.deployment.metrics.TrackedMetricTestBeans.Sentinel;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.MetricValue;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Whose event it is: the {@code @LaunchDarklyContext} argument, else the {@link ContextResolver} beans in priority order,
 * else nothing is sent; and a failure while tracking never breaks the call.
 */
class TrackedMetricContextBehaviourTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(Contexts.class, SwitchableResolver.class, FallbackResolver.class, ExplodingNumber.class,
                    ExplodingMap.class, TrackedMetricTestBeans.class));

    @Inject
    Contexts contexts;

    @Inject
    Sentinel sentinel;

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Inject
    TrackingFailures failures;

    @BeforeEach
    void reset() {
        launchDarkly.reset();
        SwitchableResolver.reset();
        FallbackResolver.answer = null;
    }

    @Test
    void ldContextArgumentWithItsAttributes() {
        LDContext organization = LDContext.builder(ContextKind.of("organization"), "org-1")
                .name("Acme")
                .set("plan", "gold")
                .set("seats", 25)
                .build();

        contexts.withContext(organization, 4);

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("ctx.ld");
        assertThat(event.contextKind()).isEqualTo("organization");
        assertThat(event.contextKey()).isEqualTo("org-1");
        assertThat(event.context()).isEqualTo(LDValue.buildObject()
                .put("kind", "organization")
                .put("key", "org-1")
                .put("name", "Acme")
                .put("plan", "gold")
                .put("seats", 25)
                .build());
        assertThat(event.metricValue()).isEqualTo(4.0);
        assertThat(SwitchableResolver.CALLS.get()).isZero(); // the argument is enough
    }

    @Test
    void multiKindContextArgument() {
        LDContext user = LDContext.builder("u-1").name("Ada").build();
        LDContext organization = LDContext.create(ContextKind.of("organization"), "org-2");

        contexts.withContext(LDContext.createMulti(user, organization), 1);

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("ctx.ld");
        assertThat(event.contextKind()).isEqualTo("multi");
        assertThat(event.contextKey()).isNull();
        LDValue context = event.context();
        assertThat(context.keys()).containsExactlyInAnyOrder("kind", "user", "organization");
        assertThat(context.get("user")).isEqualTo(LDValue.buildObject().put("key", "u-1").put("name", "Ada").build());
        assertThat(context.get("organization")).isEqualTo(LDValue.buildObject().put("key", "org-2").build());
    }

    @Test
    void stringArgumentIsAUserKey() {
        contexts.withKey("user-7");

        RecordedEvent event = launchDarkly.events().awaitCustomEvent("ctx.key");
        assertThat(event.contextKind()).isEqualTo("user");
        assertThat(event.contextKey()).isEqualTo("user-7");
        assertThat(event.context()).isEqualTo(LDValue.buildObject().put("kind", "user").put("key", "user-7").build());
        assertThat(event.metricValue()).isNull();
    }

    @Test
    void theArgumentWinsOverTheResolver() {
        SwitchableResolver.answer(LDContext.create("from-resolver"));

        contexts.withKey("explicit");
        contexts.withContext(LDContext.create(ContextKind.of("device"), "d-1"), 2);

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::contextKind, RecordedEvent::contextKey)
                .containsExactly(tuple("ctx.key", "user", "explicit"), tuple("ctx.ld", "device", "d-1"));
    }

    @Test
    void aNullOrBlankArgumentFallsBackToTheResolver() {
        SwitchableResolver.answer(LDContext.builder(ContextKind.of("account"), "acct-9").set("tier", "pro").build());

        contexts.withContext(null, 3);
        contexts.withKey(null);
        contexts.withKey("  ");
        assertThat(contexts.noContextParameter("in")).isEqualTo("in!");

        List<RecordedEvent> events = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(events)
                .extracting(RecordedEvent::key, RecordedEvent::contextKind, RecordedEvent::contextKey)
                .containsExactly(
                        tuple("ctx.ld", "account", "acct-9"),
                        tuple("ctx.key", "account", "acct-9"),
                        tuple("ctx.key", "account", "acct-9"),
                        tuple("ctx.resolved", "account", "acct-9"));
        assertThat(events.get(0).context().get("tier").stringValue()).isEqualTo("pro");
        assertThat(events.get(0).metricValue()).isEqualTo(3.0);
        assertThat(events.get(3).metricValue()).isEqualTo(7.0);
        assertThat(SwitchableResolver.CALLS.get()).isEqualTo(4);
    }

    @Test
    void noContextAtAllSendsNothingAndIsCounted() {
        long before = failures.count(Reason.NO_CONTEXT);
        long errorsBefore = failures.count(Reason.TRACKING_ERROR);
        SwitchableResolver.answerNothing();

        String input = new String("input");
        assertThat(contexts.passThrough(input)).isSameAs(input);
        contexts.withContext(null, 1);
        contexts.withKey("");

        assertThat(failures.count(Reason.NO_CONTEXT) - before).isEqualTo(3);
        assertThat(failures.count(Reason.TRACKING_ERROR)).isEqualTo(errorsBefore);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();

        // the same methods send again once a context is found
        SwitchableResolver.answer(LDContext.create("late"));
        assertThat(contexts.passThrough(input)).isSameAs(input);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::contextKey)
                .containsExactly(tuple("ctx.pass-through", "late"));
        assertThat(failures.count(Reason.NO_CONTEXT) - before).isEqualTo(3);
    }

    @Test
    void aFailingResolverNeverBreaksTheCallAndTheNextSourceIsTried() {
        long errorsBefore = failures.count(Reason.TRACKING_ERROR);
        long noContextBefore = failures.count(Reason.NO_CONTEXT);
        SwitchableResolver.fail(new IllegalStateException("resolver is broken"));

        String input = new String("still returned");
        assertThat(contexts.passThrough(input)).isSameAs(input);
        assertThat(contexts.noContextParameter("x")).isEqualTo("x!");

        // the throwing resolver is skipped; the fallback resolver has nothing either, so there is no context
        assertThat(failures.count(Reason.NO_CONTEXT) - noContextBefore).isEqualTo(2);
        assertThat(failures.count(Reason.TRACKING_ERROR)).isEqualTo(errorsBefore);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();

        // the next resolver, in priority order, is asked after the failing one
        FallbackResolver.answer = LDContext.create("from-fallback");
        assertThat(contexts.passThrough(input)).isSameAs(input);
        // an explicit argument does not need any resolver
        contexts.withKey("explicit");
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::contextKey)
                .containsExactly(tuple("ctx.pass-through", "from-fallback"), tuple("ctx.key", "explicit"));
        assertThat(failures.count(Reason.NO_CONTEXT) - noContextBefore).isEqualTo(2);
        assertThat(failures.count(Reason.TRACKING_ERROR)).isEqualTo(errorsBefore);
    }

    @Test
    void theFirstResolverInPriorityOrderWins() {
        SwitchableResolver.answer(LDContext.create("high-priority"));
        FallbackResolver.answer = LDContext.create("low-priority");

        contexts.withKey(null);

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::contextKey)
                .containsExactly(tuple("ctx.key", "high-priority"));
    }

    @Test
    void aFailureOfTheTrackingItselfNeverBreaksTheCall() {
        long errorsBefore = failures.count(Reason.TRACKING_ERROR);
        long invalidBefore = failures.count(Reason.INVALID_VALUE);
        IllegalStateException broken = new IllegalStateException("broken doubleValue()");

        Object first = contexts.explodingValue("user-x", new ExplodingNumber(broken));
        Object second = contexts.explodingData("user-x", new ExplodingMap(broken));

        assertThat(first).isSameAs(Contexts.RESULT);
        assertThat(second).isSameAs(Contexts.RESULT);
        assertThat(failures.count(Reason.TRACKING_ERROR) - errorsBefore).isEqualTo(2);
        assertThat(failures.count(Reason.INVALID_VALUE)).isEqualTo(invalidBefore);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();

        // the same methods work with well-behaved arguments
        contexts.explodingValue("user-x", 2);
        contexts.explodingData("user-x", Map.of("k", "v"));
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::metricValue, RecordedEvent::contextKey)
                .containsExactly(tuple("ctx.exploding-value", 2.0, "user-x"), tuple("ctx.exploding-data", null, "user-x"));
        assertThat(failures.count(Reason.TRACKING_ERROR) - errorsBefore).isEqualTo(2);
    }

    /** A number whose value cannot be read. */
    public static class ExplodingNumber extends Number {

        private final transient RuntimeException failure;

        ExplodingNumber(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public int intValue() {
            throw failure;
        }

        @Override
        public long longValue() {
            throw failure;
        }

        @Override
        public float floatValue() {
            throw failure;
        }

        @Override
        public double doubleValue() {
            throw failure;
        }
    }

    /** A map that cannot be read. */
    public static class ExplodingMap extends AbstractMap<String, Object> {

        private final RuntimeException failure;

        ExplodingMap(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            throw failure;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            throw failure;
        }
    }

    @ApplicationScoped
    public static class Contexts {

        @TrackedMetric("ctx.ld")
        public void withContext(@LaunchDarklyContext LDContext context, @MetricValue int value) {
        }

        @TrackedMetric("ctx.key")
        public void withKey(@LaunchDarklyContext String key) {
        }

        @TrackedMetric(value = "ctx.resolved", valueFrom = ValueFrom.FIXED, fixedValue = 7)
        public String noContextParameter(String input) {
            return input + "!";
        }

        @TrackedMetric("ctx.pass-through")
        public String passThrough(String input) {
            return input;
        }

        static final Object RESULT = new Object();

        @TrackedMetric("ctx.exploding-value")
        public Object explodingValue(@LaunchDarklyContext String user, @MetricValue Number value) {
            return RESULT;
        }

        @TrackedMetric("ctx.exploding-data")
        public Object explodingData(@LaunchDarklyContext String user, @MetricData("map") Map<String, Object> map) {
            return RESULT;
        }
    }

    /** A second resolver, asked after {@link SwitchableResolver}; empty unless told otherwise. */
    @ApplicationScoped
    @Priority(1)
    public static class FallbackResolver implements ContextResolver {

        static volatile LDContext answer;

        @Override
        public Optional<LDContext> resolve() {
            return Optional.ofNullable(answer);
        }
    }

    /** A resolver whose answer each test sets; empty unless told otherwise. Asked first. */
    @ApplicationScoped
    @Priority(100)
    public static class SwitchableResolver implements ContextResolver {

        static final AtomicInteger CALLS = new AtomicInteger();
        private static volatile Supplier<Optional<LDContext>> answer = Optional::empty;

        static void reset() {
            answer = Optional::empty;
            CALLS.set(0);
        }

        static void answer(LDContext context) {
            answer = () -> Optional.of(context);
        }

        static void answerNothing() {
            answer = Optional::empty;
        }

        static void fail(RuntimeException failure) {
            answer = () -> {
                throw failure;
            };
        }

        @Override
        public Optional<LDContext> resolve() {
            CALLS.incrementAndGet();
            return answer.get();
        }
    }
}
