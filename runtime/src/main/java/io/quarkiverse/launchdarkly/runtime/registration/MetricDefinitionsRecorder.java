package io.quarkiverse.launchdarkly.runtime.registration;

import java.util.Map;
import java.util.function.Supplier;

import io.quarkus.runtime.annotations.Recorder;

/** Hands the metric properties the build saw to the running application, which compares them with its own. */
@Recorder
public class MetricDefinitionsRecorder {

    public Supplier<BuildTimeMetricProperties> buildTimeProperties(Map<String, String> values) {
        BuildTimeMetricProperties properties = new BuildTimeMetricProperties(values);
        return () -> properties;
    }
}
