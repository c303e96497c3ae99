package io.quarkiverse.launchdarkly.runtime.ai.generation;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Internal: the interceptor binding the build adds to every valid
 * {@link io.quarkiverse.launchdarkly.ai.AiGeneration} method, carrying the index of its plan. Applications
 * never use it.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({ METHOD, TYPE })
public @interface AiGenerationBinding {

    /** Index of the method's plan in {@link GenerationPlans}. */
    @Nonbinding
    int plan() default -1;
}
