package io.quarkiverse.launchdarkly.runtime.metrics;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The parameter that holds the evaluation context of the method's events: an {@code LDContext}, or a {@code String}
 * that is the key of a user context. It comes first in the context resolution order; see
 * {@link io.quarkiverse.launchdarkly.runtime.context.ContextResolver}.
 */
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface MetricContext {
}
