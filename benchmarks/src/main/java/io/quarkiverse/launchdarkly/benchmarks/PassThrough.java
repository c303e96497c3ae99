package io.quarkiverse.launchdarkly.benchmarks;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * An interceptor binding whose interceptor only proceeds: the floor every annotation-driven interceptor pays in ArC
 * (the parameter array, the invocation context, the boxed result), measured next to {@code @TrackedMetric}.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({ METHOD, TYPE })
public @interface PassThrough {
}
