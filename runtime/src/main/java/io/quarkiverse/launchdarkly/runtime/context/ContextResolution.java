package io.quarkiverse.launchdarkly.runtime.context;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.ContextResolver;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkus.arc.All;

/**
 * Applies the context resolution order of {@link ContextResolver} after the caller's own source (the method's
 * parameter) gave nothing. Shared by every annotation of the extension so that they agree on whose event it is.
 */
@Singleton
public class ContextResolution {

    private static final Logger LOG = Logger.getLogger(ContextResolution.class);

    private final List<ContextResolver> resolvers;
    private final Set<String> failingResolvers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean principalFailed = new AtomicBoolean();
    /** Null when quarkus-security is absent. */
    private final PrincipalContextSource principal;

    ContextResolution(@All List<ContextResolver> resolvers, Instance<PrincipalContextSource> principal) {
        this.resolvers = resolvers;
        this.principal = principal.isResolvable() ? principal.get() : null;
    }

    /** The context from the application's resolvers, else from the principal; empty when none gives one. */
    public Optional<LDContext> resolve() {
        for (ContextResolver resolver : resolvers) {
            Optional<LDContext> context = ask(resolver);
            if (context != null && context.isPresent() && context.get().isValid()) {
                return context;
            }
        }
        if (principal != null) {
            return askPrincipal();
        }
        return Optional.empty();
    }

    /**
     * The caller's identity, or empty when it cannot be had: a deferred identity whose authentication fails, or one
     * asked for on an I/O thread under lazy authentication, throws. That is the request's problem, not the tracking's,
     * so the call goes on without a context (its events are not sent, an {@code @AiGeneration} fallback answers).
     */
    private Optional<LDContext> askPrincipal() {
        try {
            Optional<LDContext> context = principal.resolve();
            return context == null ? Optional.empty() : context;
        } catch (RuntimeException e) {
            if (principalFailed.compareAndSet(false, true)) {
                // The class only: an authentication failure's message may quote the caller's credentials.
                LOG.warnf("The caller's security identity could not be read (%s), so it gives no LaunchDarkly context"
                        + " for this call (logged once)", e.getClass().getName());
            }
            return Optional.empty();
        }
    }

    /**
     * A resolver that throws gives no context rather than losing the call's events: a request-scoped resolver, for
     * one, throws when an asynchronous result completes outside the request. The next source is tried.
     */
    private Optional<LDContext> ask(ContextResolver resolver) {
        try {
            return resolver.resolve();
        } catch (RuntimeException e) {
            if (failingResolvers.add(resolver.getClass().getName())) {
                LOG.warnf("The ContextResolver %s threw %s; it is skipped for this call and the next context source is"
                        + " tried (logged once per resolver)", resolver.getClass().getName(), e.toString());
            }
            return Optional.empty();
        }
    }

    /** A context from a {@code @LaunchDarklyContext}-style argument: an {@code LDContext}, or a user key; else empty. */
    public static Optional<LDContext> fromArgument(Object argument) {
        if (argument instanceof LDContext context) {
            return context.isValid() ? Optional.of(context) : Optional.empty();
        }
        if (argument instanceof String key && !key.isBlank()) {
            return Optional.of(LDContext.create(key));
        }
        return Optional.empty();
    }
}
