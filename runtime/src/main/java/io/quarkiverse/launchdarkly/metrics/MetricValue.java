package io.quarkiverse.launchdarkly.metrics;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The parameter whose value is the numeric value of the method's {@link TrackedMetric} events: a primitive number,
 * its box, {@code BigDecimal}, {@code BigInteger} or any {@code Number}. A null, NaN or infinite value sends no event.
 */
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface MetricValue {
}
