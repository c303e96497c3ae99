package io.quarkiverse.launchdarkly.it;

// tag::imports[]
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.metrics.ConstantData;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;

// end::imports[]

/** Sends a ticket to the queue of its category, without an agent. */
@ApplicationScoped
public class AutoTriage {

    private static final Map<String, String> QUEUES = Map.of("access", "identity-team", "billing", "finance-team",
            "general", "first-line");

    /**
     * Task success: the event is sent whether triage works (1.0) or throws (0.0), so its average in LaunchDarkly is the
     * success rate. The customer's key is enough for this event, so the context is a plain String user key.
     *
     * @throws UnknownCategoryException when no queue takes the category
     */
    // tag::queue-for[]
    @TrackedMetric(value = "task.success_rate", valueFrom = ValueFrom.OUTCOME, data = @ConstantData(name = "task", value = "auto-triage"))
    public String queueFor(@LaunchDarklyContext String customer, @MetricData("category") String category) {
        String queue = category == null ? null : QUEUES.get(category);
        if (queue == null) {
            throw new UnknownCategoryException(category);
        }
        return queue;
    }
    // end::queue-for[]
}
