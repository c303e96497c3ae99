package io.quarkiverse.launchdarkly.registration;

import java.util.List;

/**
 * What the registration did with one metric.
 *
 * @param metricKey the metric key
 * @param status the result
 * @param changedFields the fields created or patched (for {@link Status#UPDATED}, and the planned ones in a dry run)
 * @param reason why it failed, or what a dry run would do
 */
public record MetricOutcome(String metricKey, Status status, List<String> changedFields, String reason) {

    /** The result for one metric. */
    public enum Status {
        CREATED,
        UPDATED,
        UNCHANGED,
        DELETED,
        /** Dry run: what would have been written. */
        PLANNED,
        FAILED
    }

    @Override
    public String toString() {
        // The fields of a creation are all of them: the log line names them only for updates and plans.
        boolean showFields = status == Status.UPDATED || status == Status.PLANNED;
        return metricKey + " " + status.name().toLowerCase()
                + (showFields && !changedFields.isEmpty() ? " " + changedFields : "")
                + (reason == null ? "" : " (" + reason + ")");
    }
}
