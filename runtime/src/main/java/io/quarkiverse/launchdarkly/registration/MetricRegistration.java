package io.quarkiverse.launchdarkly.registration;

/**
 * The reconciliation of the metric definitions of {@code application.properties} ({@code quarkus.launchdarkly.metrics})
 * with LaunchDarkly, run at every start the way a schema migration tool treats a database: a missing metric is
 * created, a differing one gets one JSON Patch with only the changed fields, an equal one is left alone. It never
 * deletes, unless {@code quarkus.launchdarkly.registration.prune} is on, and then only metrics carrying the managed
 * tag.
 * <p>
 * By default it runs in the background; {@code blocking} (or {@code fail-on-error}) makes startup wait. The outcome is
 * logged as one summary and readable from {@link #report()}. Inject it to read the outcome or to run it again.
 */
public interface MetricRegistration {

    /** The current state and, once finished, the outcome per metric. */
    RegistrationReport report();

    /**
     * Reconciles every definition now, within {@code quarkus.launchdarkly.registration.timeout}, and returns the
     * outcome (also kept as {@link #report()}). Runs at startup; call it again to re-apply the definitions.
     */
    RegistrationReport reconcile();

    /**
     * What {@link #reconcile()} would do now, changing nothing (a dry run, whatever
     * {@code quarkus.launchdarkly.registration.dry-run} says): each metric {@code PLANNED} with the fields that would
     * be written, or {@code UNCHANGED}. Reads LaunchDarkly; the outcome is returned, not kept as {@link #report()}.
     */
    RegistrationReport plan();
}
