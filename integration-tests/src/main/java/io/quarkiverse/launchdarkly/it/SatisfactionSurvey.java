package io.quarkiverse.launchdarkly.it;

// tag::imports[]
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.metrics.MetricCondition;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.MetricValue;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;

// end::imports[]

/** Collects the customers' satisfaction scores (0 to 100) after a support answer. */
@ApplicationScoped
public class SatisfactionSurvey {

    /** One answer to the survey. */
    public record Answer(int score, String feedbackType) {
    }

    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    /**
     * Two events from one call: the score itself, and a count of unhappy customers that a LaunchDarkly guarded rollout
     * can watch. No {@code @LaunchDarklyContext} parameter: the customer comes from {@link CustomerContextResolver}. The caller
     * has validated the score; the condition is declarative so that the build checks it names a numeric parameter.
     */
    // tag::record[]
    @TrackedMetric("user.satisfaction")
    @TrackedMetric(value = "user.negative_feedback", valueFrom = ValueFrom.FIXED, onlyIf = @MetricCondition(parameter = "score", below = 50))
    public void record(@MetricValue int score, @MetricData("feedbackType") String feedbackType) {
        answers.add(new Answer(score, feedbackType));
    }
    // end::record[]

    public List<Answer> answers() {
        return List.copyOf(answers);
    }
}
