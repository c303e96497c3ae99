package io.quarkiverse.launchdarkly.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.annotation.Counted;
import io.micrometer.core.annotation.Timed;

/**
 * The peers of the comparison: the same business computation with no instrumentation, and with Micrometer's
 * {@code @Counted} and {@code @Timed} (Quarkus' interceptors, a Prometheus registry), the annotations Quarkus users
 * already put on such methods.
 */
@ApplicationScoped
public class MicrometerShop {

    public double settle(String userKey, String source) {
        return Amounts.settle(userKey, source);
    }

    /** The interceptor floor: an ArC interceptor that only proceeds. */
    @PassThrough
    public double settlePassedThrough(String userKey, String source) {
        return Amounts.settle(userKey, source);
    }

    @Counted("shop.settled")
    public double settleCounted(String userKey, String source) {
        return Amounts.settle(userKey, source);
    }

    @Timed("shop.settle")
    public double settleTimed(String userKey, String source) {
        return Amounts.settle(userKey, source);
    }
}
