package io.quarkiverse.launchdarkly.metrics;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A constant entry of a tracked event's data, declared on {@link TrackedMetric#data()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface ConstantData {

    /** The name of the entry. */
    String name();

    /** Its value, sent as a JSON string. */
    String value();
}
