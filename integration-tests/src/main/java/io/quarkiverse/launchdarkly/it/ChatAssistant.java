package io.quarkiverse.launchdarkly.it;

// tag::imports[]
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;

// end::imports[]

/** The support assistant's chat: answers each message of a session in turn. */
@ApplicationScoped
public class ChatAssistant {

    /** Stands in for the model's latency, so that the demo's session durations are not all zero. */
    static final long THINKING_MILLIS_PER_MESSAGE = 25;

    /**
     * Session duration: the value is how long the whole session took, in milliseconds (the call's duration). The data
     * carries the number of interactions, passed on its own because {@code @MetricData} sends a parameter as it is and
     * the messages themselves must not leave the service. The customer comes from {@link CustomerContextResolver}.
     */
    // tag::answer[]
    @TrackedMetric(value = "session.duration", valueFrom = ValueFrom.DURATION)
    public List<String> answer(List<String> messages, @MetricData("interactions") int interactions) {
        return messages.stream().map(this::answerOne).toList();
    }
    // end::answer[]

    private String answerOne(String message) {
        try {
            Thread.sleep(THINKING_MILLIS_PER_MESSAGE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "Thanks, I looked into \"" + message + "\": a colleague will follow up if this did not help.";
    }
}
