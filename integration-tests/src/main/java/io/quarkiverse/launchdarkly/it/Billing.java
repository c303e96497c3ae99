package io.quarkiverse.launchdarkly.it;

// tag::imports[]
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.metrics.ConstantData;
import io.quarkiverse.launchdarkly.metrics.MetricCondition;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.MetricValue;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;

// end::imports[]

/**
 * What customers buy after the support assistant (an AI feature, configured in LaunchDarkly under the AI Config key
 * {@code support-assistant}) answered them. Both methods measure the assistant's business value.
 */
// tag::class[]
@ApplicationScoped
public class Billing {
    // end::class[]

    /** Monthly price of each plan a customer can upgrade to. */
    private static final Map<String, Double> PLAN_PRICES = Map.of("pro", 29.0, "enterprise", 99.0);
    /** Monthly price per seat of each add-on the assistant can recommend; the knowledge base search is included. */
    private static final Map<String, Double> ADD_ON_PRICES = Map.of("priority-support", 49.0, "knowledge-base-search", 0.0);

    /** A completed plan upgrade. */
    public record Upgrade(String customer, String plan, double amount) {
    }

    public Optional<Double> planPrice(String plan) {
        return Optional.ofNullable(plan == null ? null : PLAN_PRICES.get(plan));
    }

    public boolean sellsAddOn(String addOn) {
        return addOn != null && ADD_ON_PRICES.containsKey(addOn);
    }

    /**
     * A conversion with revenue: the customer upgraded after an AI-assisted answer. The value is the amount (the
     * {@code @MetricValue} parameter); the data says which AI Config and which kind of question led to it, so the
     * experiment can break the revenue down by question category.
     */
    // tag::upgrade[]
    @TrackedMetric(value = "business.conversion", data = @ConstantData(name = "configKey", value = "support-assistant"))
    public Upgrade upgrade(@LaunchDarklyContext LDContext customer, String plan, @MetricValue double amount,
            @MetricData("category") String category) {
        return new Upgrade(customer.getKey(), plan, amount);
    }
    // end::upgrade[]

    /**
     * Revenue after an AI interaction: the customer accepted an add-on the assistant recommended. The value is the
     * returned revenue, and the event is sent only when there is some: a free add-on is not revenue, and a 0.0 would
     * drag the metric's average down for no business reason.
     */
    // tag::buy-add-on[]
    @TrackedMetric(value = "revenue.impact", valueFrom = ValueFrom.RESULT, onlyIf = @MetricCondition(above = 0), data = @ConstantData(name = "configKey", value = "support-assistant"))
    public double buyAddOn(@LaunchDarklyContext LDContext customer, @MetricData("addOn") String addOn, int seats) {
        return ADD_ON_PRICES.get(addOn) * seats;
    }
    // end::buy-add-on[]
    // tag::class[]
}
// end::class[]
