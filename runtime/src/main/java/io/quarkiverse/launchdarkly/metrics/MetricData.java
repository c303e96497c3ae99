package io.quarkiverse.launchdarkly.metrics;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Adds the parameter to the data of the method's {@link TrackedMetric} events, under this name. Strings, numbers,
 * booleans, enums (their name), collections (JSON arrays), maps (JSON objects) and {@code LDValue} are
 * supported; a null value is left out.
 */
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface MetricData {

    /** The name of the entry in the event data. */
    String value();
}
