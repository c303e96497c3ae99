package io.quarkiverse.launchdarkly.registration;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The state and outcome of the metric registration, readable from {@link MetricRegistration#report()}.
 *
 * @param state where the registration is
 * @param projectKey the LaunchDarkly project
 * @param outcomes one per metric, in key order (deleted metrics last)
 * @param problem what stopped the whole registration (for example a refused token), or null
 * @param finishedAt when it finished, or null
 */
public record RegistrationReport(State state, String projectKey, List<MetricOutcome> outcomes, String problem,
        Instant finishedAt) {

    /** Where the registration is. */
    public enum State {
        /** Nothing to do: no definitions, registration disabled, or offline. */
        DISABLED,
        /** Waiting to start, or running in the background. */
        RUNNING,
        /** Finished, every metric reconciled. */
        DONE,
        /** Finished, and at least one metric failed or the whole run was stopped. */
        FAILED
    }

    /** A report of a registration that does not run, and why. */
    public static RegistrationReport disabled(String why) {
        return new RegistrationReport(State.DISABLED, null, List.of(), why, null);
    }

    /** A report of a registration under way in this project. */
    public static RegistrationReport running(String projectKey) {
        return new RegistrationReport(State.RUNNING, projectKey, List.of(), null, null);
    }

    /** The outcomes with this status. */
    public List<MetricOutcome> withStatus(MetricOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    /** One line for the log: counts per status, with the keys. */
    public String summary() {
        if (state == State.DISABLED) {
            return "LaunchDarkly metric registration is off: " + problem;
        }
        String counts = List.of(MetricOutcome.Status.values()).stream()
                .filter(status -> !withStatus(status).isEmpty())
                .map(status -> withStatus(status).size() + " " + status.name().toLowerCase() + " "
                        + withStatus(status).stream().map(MetricOutcome::toString).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining("; "));
        return "LaunchDarkly metric registration in project '" + projectKey + "' " + state.name().toLowerCase() + ": "
                + (counts.isEmpty() ? "nothing to do" : counts) + (problem == null ? "" : "; " + problem);
    }
}
