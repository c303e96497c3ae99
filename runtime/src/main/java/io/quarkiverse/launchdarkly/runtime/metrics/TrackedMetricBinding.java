package io.quarkiverse.launchdarkly.runtime.metrics;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import io.quarkiverse.launchdarkly.metrics.TrackedMetric;

/**
 * Internal: the interceptor binding the build adds to every valid {@link TrackedMetric} method, carrying the index of
 * the method's pre-computed plan. Applications never use it.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({ METHOD, TYPE })
public @interface TrackedMetricBinding {

    /** Index of the method's plan in {@link TrackedMetricPlans}. */
    @Nonbinding
    int plan() default -1;
}
