package org.acme;

import jakarta.enterprise.context.ApplicationScoped;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.metrics.MetricValue;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;

@ApplicationScoped
public class Checkout {

    public record Receipt(String customer, double amount, boolean oneClick) {
    }

    private final LDClient launchDarkly;

    Checkout(LDClient launchDarkly) {
        this.launchDarkly = launchDarkly;
    }

    @TrackedMetric("checkout.amount") // each call sends the custom event checkout.amount, valued with the amount
    public Receipt pay(@LaunchDarklyContext String customer, @MetricValue double amount) {
        boolean oneClick = launchDarkly.boolVariation("one-click-checkout", LDContext.create(customer), false);
        return new Receipt(customer, amount, oneClick);
    }
}
