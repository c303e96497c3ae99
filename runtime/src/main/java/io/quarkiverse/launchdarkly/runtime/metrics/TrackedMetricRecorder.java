package io.quarkiverse.launchdarkly.runtime.metrics;

import java.util.List;

import io.quarkus.runtime.annotations.Recorder;

/** Hands the build-time plans of the annotated methods to the running application. */
@Recorder
public class TrackedMetricRecorder {

    public void register(List<MethodPlan> plans) {
        TrackedMetricPlans.set(plans);
    }
}
