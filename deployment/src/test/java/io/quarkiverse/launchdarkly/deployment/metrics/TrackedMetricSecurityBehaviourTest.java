package io.quarkiverse.launchdarkly.deployment.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.deployment.metrics.TrackedMetricTestBeans.Sentinel;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * With quarkus-security in the application, the authenticated principal is the last context source: after the
 * {@code @LaunchDarklyContext} argument and the {@link ContextResolver} beans. An identity that cannot be read gives no
 * context, for {@code @TrackedMetric} and {@code @AiGeneration} alike, and never fails the call.
 */
class TrackedMetricSecurityBehaviourTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(Secured.class, SecuredChat.class, SwitchableResolver.class, TrackedMetricTestBeans.class));

    @Inject
    Secured secured;

    @Inject
    SecuredChat chat;

    @Inject
    Sentinel sentinel;

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Inject
    TrackingFailures failures;

    @Inject
    CurrentIdentityAssociation identities;

    @BeforeEach
    void reset() {
        launchDarkly.reset();
        SwitchableResolver.answer = Optional::empty;
    }

    @Test
    void theAuthenticatedPrincipalIsAUserContext() {
        String input = new String("payload");

        Object result = asIdentity(user("alice"), () -> secured.act(input));

        assertThat(result).isSameAs(input);
        RecordedEvent event = launchDarkly.events().awaitCustomEvent("sec.act");
        assertThat(event.contextKind()).isEqualTo("user");
        assertThat(event.contextKey()).isEqualTo("alice");
        assertThat(event.context()).isEqualTo(LDValue.buildObject().put("kind", "user").put("key", "alice").build());
        assertThat(event.metricValue()).isEqualTo(1.0);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).hasSize(1);
    }

    @Test
    void eachCallUsesTheIdentityOfItsOwnRequest() {
        asIdentity(user("alice"), () -> secured.act("1"));
        asIdentity(user("bob"), () -> secured.act("2"));

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::contextKey)
                .containsExactly(tuple("sec.act", "alice"), tuple("sec.act", "bob"));
    }

    @Test
    void anAnonymousIdentityGivesNoContext() {
        long before = failures.count(Reason.NO_CONTEXT);
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("guest")) // a name, yet anonymous
                .setAnonymous(true)
                .build();

        Object result = asIdentity(anonymous, () -> secured.act("anonymous"));

        assertThat(result).isEqualTo("anonymous");
        assertThat(failures.count(Reason.NO_CONTEXT) - before).isEqualTo(1);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();
    }

    @Test
    void noRequestMeansNoIdentityAndNoContext() {
        long before = failures.count(Reason.NO_CONTEXT);
        long errorsBefore = failures.count(Reason.TRACKING_ERROR);
        assertThat(Arc.container().requestContext().isActive()).isFalse();

        assertThat(secured.act("outside")).isEqualTo("outside");

        assertThat(failures.count(Reason.NO_CONTEXT) - before).isEqualTo(1);
        assertThat(failures.count(Reason.TRACKING_ERROR)).isEqualTo(errorsBefore);
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel)).isEmpty();
    }

    @Test
    void anIdentityThatCannotBeReadGivesNoContextAndTheCallsGoOn() {
        long before = failures.count(Reason.NO_CONTEXT);
        long errorsBefore = failures.count(Reason.TRACKING_ERROR);
        // A deferred identity whose authentication fails: reading it throws.
        Uni<SecurityIdentity> failing = Uni.createFrom().failure(new AuthenticationFailedException("bad token"));

        Object tracked = asDeferredIdentity(failing, () -> secured.act("tracked"));
        Object generated = asDeferredIdentity(failing, () -> chat.ask("question", null));

        assertThat(tracked).isEqualTo("tracked");
        assertThat(generated).as("the fallback answers: without a context no config is evaluated")
                .isEqualTo("canned: question");
        assertThat(failures.count(Reason.NO_CONTEXT) - before).isEqualTo(2);
        assertThat(failures.count(Reason.TRACKING_ERROR)).isEqualTo(errorsBefore);
        // The AI client's own event, sent once per application when it is created, may come along.
        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .filteredOn(event -> !"$ld:ai:sdk:info".equals(event.key())).isEmpty();
    }

    @Test
    void aContextResolverWinsOverThePrincipal() {
        SwitchableResolver.answer = () -> Optional.of(LDContext.create(ContextKind.of("tenant"), "t-42"));

        asIdentity(user("alice"), () -> secured.act("resolver"));

        // a resolver that answers nothing lets the principal decide
        SwitchableResolver.answer = Optional::empty;
        asIdentity(user("alice"), () -> secured.act("principal"));

        List<RecordedEvent> events = TrackedMetricTestBeans.drain(launchDarkly, sentinel);
        assertThat(events)
                .extracting(RecordedEvent::key, RecordedEvent::contextKind, RecordedEvent::contextKey)
                .containsExactly(tuple("sec.act", "tenant", "t-42"), tuple("sec.act", "user", "alice"));
    }

    @Test
    void theArgumentWinsOverThePrincipal() {
        asIdentity(user("alice"), () -> secured.actAs("carol"));
        asIdentity(user("alice"), () -> secured.actAs(null)); // a null argument falls back to the principal

        assertThat(TrackedMetricTestBeans.drain(launchDarkly, sentinel))
                .extracting(RecordedEvent::key, RecordedEvent::contextKey)
                .containsExactly(tuple("sec.act-as", "carol"), tuple("sec.act-as", "alice"));
    }

    private static SecurityIdentity user(String name) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).build();
    }

    /** Runs the call in a request of its own whose identity is the given one. */
    private <T> T asIdentity(SecurityIdentity identity, Supplier<T> call) {
        ManagedContext requestContext = Arc.container().requestContext();
        assertThat(requestContext.isActive()).as("a request context is already active").isFalse();
        requestContext.activate();
        try {
            identities.setIdentity(identity);
            assertThat(identities.getIdentity()).isSameAs(identity);
            return call.get();
        } finally {
            requestContext.terminate();
        }
    }

    /** Runs the call in a request of its own whose identity is still to be authenticated. */
    private <T> T asDeferredIdentity(Uni<SecurityIdentity> identity, Supplier<T> call) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            identities.setIdentity(identity);
            return call.get();
        } finally {
            requestContext.terminate();
        }
    }

    /**
     * Its own bean: the AI client behind its interceptor sends {@code $ld:ai:sdk:info} when first created, which the
     * other tests, draining every event, must not see.
     */
    @ApplicationScoped
    public static class SecuredChat {

        @AiGeneration(config = "secured-chat", fallback = "canned")
        public String ask(String question, AiCompletionConfig config) {
            return "model: " + question;
        }

        String canned(String question, AiCompletionConfig config) {
            return "canned: " + question;
        }
    }

    @ApplicationScoped
    public static class Secured {

        @TrackedMetric(value = "sec.act", valueFrom = ValueFrom.FIXED)
        public String act(String input) {
            return input;
        }

        @TrackedMetric("sec.act-as")
        public String actAs(@LaunchDarklyContext String user) {
            return "acted";
        }
    }

    /** Answers what the test sets; empty by default, so that the principal decides. */
    @ApplicationScoped
    public static class SwitchableResolver implements ContextResolver {

        static volatile Supplier<Optional<LDContext>> answer = Optional::empty;

        @Override
        public Optional<LDContext> resolve() {
            return answer.get();
        }
    }
}
