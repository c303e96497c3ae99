package io.quarkiverse.launchdarkly.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.LDClient;

/**
 * The same business methods with the event sent by hand, in a bean of the same scope as {@link AnnotatedShop} (so both
 * are called through a client proxy and the difference is the interceptor and its plan).
 */
@ApplicationScoped
public class HandWrittenShop {

    private final LDClient ldClient;

    HandWrittenShop(LDClient ldClient) {
        this.ldClient = ldClient;
    }

    public double settle(String userKey, String source) {
        double value = Amounts.settle(userKey, source);
        ldClient.trackMetric("revenue.impact", LDContext.create(userKey), LDValue.buildObject().put("source", source).build(),
                value);
        return value;
    }

    public double checkout(String userKey, String source) {
        double value = Amounts.settle(userKey, source);
        ldClient.track("checkout.completed", LDContext.create(userKey));
        return value;
    }
}
