package io.quarkiverse.launchdarkly.metrics;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A declarative condition on a number known after the call, checked at build time: the operand must exist and be
 * numeric, and at least one bound must be set. The event is sent only when every bound holds; a null or NaN operand
 * fails the condition.
 *
 * <pre>
 * &#64;TrackedMetric(value = "user.negative_feedback", valueFrom = ValueFrom.FIXED,
 *         onlyIf = &#64;MetricCondition(parameter = "score", below = 50))
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface MetricCondition {

    /**
     * The parameter compared, by name. When empty, the event's own value is compared (then the event must have a
     * value source other than {@link ValueFrom#NONE}).
     */
    String parameter() default "";

    /** The operand must be greater than this. */
    double above() default Double.NaN;

    /** The operand must be less than this. */
    double below() default Double.NaN;

    /** The operand must be greater than or equal to this. */
    double atLeast() default Double.NaN;

    /** The operand must be less than or equal to this. */
    double atMost() default Double.NaN;
}
