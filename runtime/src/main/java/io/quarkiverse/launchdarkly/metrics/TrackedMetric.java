package io.quarkiverse.launchdarkly.metrics;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;

/**
 * Sends a LaunchDarkly custom event each time the annotated method runs, with no tracking code in the method.
 *
 * <pre>
 * &#64;TrackedMetric("checkout.completed") // a conversion, sent when the method returns
 * public Order checkout(&#64;LaunchDarklyContext LDContext user, Cart cart) { ... }
 *
 * &#64;TrackedMetric(value = "revenue.impact", valueFrom = ValueFrom.RESULT) // the returned amount
 * public double settle(&#64;LaunchDarklyContext String userKey, &#64;MetricData("source") String source) { ... }
 * </pre>
 *
 * The method is processed at build time: mistakes fail the build, and each call runs a pre-computed plan with no
 * reflection. The method must be a non-private, non-static method of a CDI bean. Repeat the annotation to send several
 * events from one call; they are sent in declaration order. Tracking never changes the method's result or exception.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
@Repeatable(TrackedMetric.List.class)
public @interface TrackedMetric {

    /** The event key: the key passed to {@code LDClient.track*}, which a LaunchDarkly metric's event key must equal. */
    String value();

    /**
     * Where the numeric value comes from. By default a {@link MetricValue} parameter when the method has one, else
     * none (a conversion event).
     */
    ValueFrom valueFrom() default ValueFrom.DEFAULT;

    /** The value sent when {@link #valueFrom()} is {@link ValueFrom#FIXED}. */
    double fixedValue() default 1.0;

    /**
     * When the event is sent: when the method returns (the default), when it throws, or both. With
     * {@link ValueFrom#OUTCOME} the default is {@link When#ALWAYS}.
     */
    When when() default When.ON_SUCCESS;

    /** Conditions that must all hold for the event to be sent (checked after the call). */
    MetricCondition[] onlyIf() default {};

    /** Constant entries added to the event data, beside the {@link MetricData} parameters. */
    ConstantData[] data() default {};

    /** When an event is sent. */
    enum When {
        /** When the method returns normally (for an async result: when it completes with an item). */
        ON_SUCCESS,
        /** When the method throws (for an async result: when it fails). */
        ON_FAILURE,
        /** In both cases. */
        ALWAYS
    }

    /** Holds repeated {@link TrackedMetric} annotations. */
    @Documented
    @Retention(RUNTIME)
    @Target(METHOD)
    @interface List {
        TrackedMetric[] value();
    }
}
