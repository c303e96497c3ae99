package io.quarkiverse.launchdarkly;

import java.util.Optional;

import com.launchdarkly.sdk.LDContext;

/**
 * Supplies the evaluation context of annotated methods that do not name one with a {@code @LaunchDarklyContext} parameter.
 * Implement it as a CDI bean of any scope; a request-scoped one can read headers or tokens of the current request.
 * <p>
 * The context of an event is resolved in this order, and the first that gives one wins:
 * <ol>
 * <li>the method's {@code @LaunchDarklyContext} parameter, when it is not null ({@code LDContext}, or a {@code String} user
 * key);</li>
 * <li>the application's {@code ContextResolver} beans, in {@code @Priority} order (highest first);</li>
 * <li>the authenticated principal, as a user context keyed by its name, when {@code quarkus-security} is present and
 * the identity is not anonymous;</li>
 * <li>otherwise no event is sent; this is counted and logged once per method.</li>
 * </ol>
 * A resolver that throws is skipped for that call (and logged once), so the next source decides.
 */
public interface ContextResolver {

    /**
     * The context of the current call, or empty to let the next source decide. Called on the thread that calls the
     * annotated method, when it is called (also for an asynchronous result, whichever thread completes it later), so a
     * request-scoped bean or the caller's identity can be read; must not block.
     */
    Optional<LDContext> resolve();
}
