package io.quarkiverse.launchdarkly;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The parameter that holds the LaunchDarkly context of a call: whose events a {@code @TrackedMetric} method sends, and
 * for whom an {@code @AiGeneration} method evaluates its AI Config. An {@code LDContext}, or a {@code String} that is
 * the key of a user context:
 *
 * <pre>
 * &#64;TrackedMetric("checkout.completed")
 * public Order checkout(&#64;LaunchDarklyContext LDContext customer, Cart cart) { ... }
 * </pre>
 *
 * It comes first in the context resolution order; see {@link ContextResolver}.
 */
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface LaunchDarklyContext {
}
