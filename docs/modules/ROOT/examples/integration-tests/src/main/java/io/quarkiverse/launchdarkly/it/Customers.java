package io.quarkiverse.launchdarkly.it;

import com.launchdarkly.sdk.LDContext;

/** Builds the LaunchDarkly context of the customer a request is made for. */
final class Customers {

    private Customers() {
    }

    /** A user context keyed by the customer id, with the customer's plan as the {@code tier} attribute. */
    static LDContext context(String customer, String tier) {
        String key = customer == null || customer.isBlank() ? "anonymous" : customer;
        return LDContext.builder(key).set("tier", tier == null || tier.isBlank() ? "free" : tier).build();
    }
}
