package io.quarkiverse.launchdarkly.runtime.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.launchdarkly.registration.ForbiddenException;
import io.quarkiverse.launchdarkly.registration.LaunchDarklyApiException;
import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;
import io.quarkiverse.launchdarkly.registration.MetricNotFoundException;
import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricOutcome.Status;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.registration.UnauthorizedException;
import io.quarkiverse.launchdarkly.runtime.client.ClientMode;
import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;
import io.quarkiverse.launchdarkly.runtime.client.LaunchDarklyConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * The {@link MetricRegistration} bean: observes the startup, runs the reconciliation in the background or blocking as
 * configured, and keeps the last report. A failed run is repeated in the background, with a growing wait, until one
 * succeeds or the application stops.
 */
@Singleton
public class StartupMetricRegistration implements MetricRegistration {

    /** The name of the thread of the background runs. */
    public static final String THREAD_NAME = "launchdarkly-metric-registration";

    private static final Logger LOG = Logger.getLogger(StartupMetricRegistration.class);

    private final LaunchDarklyConfig config;
    private final MetricDefinitionsConfig definitions;
    private final ClientSettings settings;
    private final Instance<LaunchDarklyMetricsClient> clients;
    private volatile RegistrationReport report = RegistrationReport.disabled("not started");
    private final Object lifecycle = new Object();
    /** Runs the background registration and its retries; created at the first. */
    private ScheduledExecutorService background;
    private volatile boolean stopped;
    /** Failed runs in a row; touched by the background thread only (and by startup before it exists). */
    private volatile int failedRuns;

    StartupMetricRegistration(LaunchDarklyConfig config, MetricDefinitionsConfig definitions, ClientSettings settings,
            Instance<LaunchDarklyMetricsClient> clients) {
        this.config = config;
        this.definitions = definitions;
        this.settings = settings;
        this.clients = clients;
    }

    @Override
    public RegistrationReport report() {
        return report;
    }

    void onStart(@Observes StartupEvent event) {
        Optional<String> disabled = disabledReason();
        if (disabled.isPresent()) {
            report = RegistrationReport.disabled(disabled.get());
            LOG.debug(report.summary());
            return;
        }
        LaunchDarklyConfig.RegistrationConfig registration = config.registration();
        if (registration.blocking() || registration.failOnError()) {
            RegistrationReport result = reconcile();
            if (result.state() == RegistrationReport.State.FAILED) {
                if (registration.failOnError()) {
                    throw new IllegalStateException(result.summary()
                            + " (startup fails because quarkus.launchdarkly.registration.fail-on-error=true)");
                }
                retryLater();
            }
            return;
        }
        report = RegistrationReport.running(projectKey());
        schedule(Duration.ZERO);
    }

    /** Stops the background runs, also at a dev-mode reload, so that none outlives the application. */
    @PreDestroy
    void stop() {
        synchronized (lifecycle) {
            stopped = true;
            if (background == null) {
                return;
            }
            background.shutdownNow();
        }
        try {
            // The run under way stops at its next request: the interrupt ends the wait for an answer.
            if (!background.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.debug("The background metric registration did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runInBackground() {
        if (stopped) {
            return;
        }
        if (failedRuns > 0 && report.state() == RegistrationReport.State.DONE) {
            // Someone called reconcile() meanwhile, and it worked.
            failedRuns = 0;
            return;
        }
        RegistrationReport result = reconcile();
        if (result.state() == RegistrationReport.State.FAILED) {
            retryLater();
        } else if (failedRuns > 0) {
            LOG.infof("LaunchDarkly metric registration recovered after %d failed run(s)", failedRuns);
            failedRuns = 0;
        }
    }

    /**
     * Runs the registration again in the background after a failure (a rate limit or an outage during a deploy ends),
     * waiting longer after each failure in a row, up to {@code retry-max-backoff}.
     */
    private void retryLater() {
        failedRuns++;
        Duration wait = RetryBackoff.next(config.registration().retryBackoff(), config.registration().retryMaxBackoff(),
                failedRuns, ThreadLocalRandom.current().nextDouble());
        if (failedRuns == 1) {
            LOG.infof("LaunchDarkly metric registration runs again in the background in %s, then less often while it"
                    + " fails (at most every %s)", wait, config.registration().retryMaxBackoff());
        } else {
            LOG.debugf("LaunchDarkly metric registration failed %d time(s) in a row; next run in %s", failedRuns, wait);
        }
        schedule(wait);
    }

    private void schedule(Duration delay) {
        synchronized (lifecycle) {
            if (stopped) {
                return;
            }
            if (background == null) {
                background = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, THREAD_NAME);
                    thread.setDaemon(true);
                    return thread;
                });
            }
            background.schedule(this::runInBackground, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Optional<String> disabledReason() {
        if (definitions.metrics().isEmpty()) {
            return Optional.of("no metric is defined in quarkus.launchdarkly.metrics");
        }
        if (!config.registration().enabled()) {
            return Optional.of("quarkus.launchdarkly.registration.enabled=false");
        }
        if (settings.mode() == ClientMode.OFFLINE) {
            return Optional.of("LaunchDarkly is offline");
        }
        return Optional.empty();
    }

    @Override
    public synchronized RegistrationReport reconcile() {
        return run(config.registration().dryRun(), true);
    }

    @Override
    public synchronized RegistrationReport plan() {
        return run(true, false);
    }

    /**
     * @param dryRun whether to only say what would change
     * @param keep whether the outcome becomes {@link #report()} (a plan asked for does not replace the last run's)
     */
    private RegistrationReport run(boolean dryRun, boolean keep) {
        LaunchDarklyConfig.RegistrationConfig registration = config.registration();
        Instant deadline = Instant.now().plus(registration.timeout());
        String project = projectKey();
        if (project == null) {
            RegistrationReport failed = new RegistrationReport(RegistrationReport.State.FAILED, null, List.of(),
                    "no project key: set quarkus.launchdarkly.api.project-key to the key of the LaunchDarkly project the"
                            + " metrics belong to",
                    Instant.now());
            LOG.warn(failed.summary());
            if (keep) {
                report = failed;
            }
            return failed;
        }
        if (keep) {
            report = RegistrationReport.running(project);
        }
        List<MetricOutcome> outcomes = new ArrayList<>();
        String problem = null;
        // Retries inside the client stop at the deadline, so one slow metric cannot eat the whole startup.
        LaunchDarklyMetricsClient client = clients.get().withDeadline(deadline);
        Map<String, DesiredMetric> desired = new TreeMap<>();
        definitions.metrics().forEach((key, definition) -> desired.put(key,
                DesiredMetric.of(key, definition, registration.managedTag())));
        // One paged list of the metrics this extension manages (by their tag) instead of a read per metric: 100
        // unchanged metrics cost 2 reads. A metric created elsewhere without the tag is read on the conflict of its
        // create, and gets the tag then.
        Map<String, JsonNode> listed = Map.of();
        String listFailure = null;
        try {
            listed = Registrations.listTagged(client, project, registration.managedTag());
        } catch (RuntimeException e) {
            listFailure = "listing the metrics failed: " + describe(e);
            problem = Optional.ofNullable(stopsEverything(e)).orElse(listFailure);
        }
        // A metric the list shows as declared needs no request: only the others go to the workers, so that an
        // unchanged deploy starts no thread.
        Map<String, JsonNode> managed = listed;
        Map<String, MetricOutcome> byKey = new TreeMap<>();
        List<DesiredMetric> toReconcile = new ArrayList<>();
        for (DesiredMetric metric : desired.values()) {
            JsonNode actual = managed.get(metric.key());
            if (actual != null && metric.patchAgainst(actual).isEmpty()) {
                byKey.put(metric.key(), new MetricOutcome(metric.key(), Status.UNCHANGED, List.of(), null));
            } else {
                toReconcile.add(metric);
            }
        }
        // Up to `concurrency` metrics at a time; a 429 holds back every request of the client (RateLimitPause), and
        // an error no metric can escape (a refused token) stops the metrics not started yet.
        AtomicReference<String> stop = new AtomicReference<>(problem);
        String notAttempted = listFailure != null ? listFailure : "not attempted";
        BoundedWorkers.map(toReconcile, registration.concurrency(), THREAD_NAME,
                metric -> {
                    if (stop.get() != null) {
                        return new MetricOutcome(metric.key(), Status.FAILED, List.of(), notAttempted);
                    }
                    if (Instant.now().isAfter(deadline)) {
                        return new MetricOutcome(metric.key(), Status.FAILED, List.of(),
                                "quarkus.launchdarkly.registration.timeout of " + registration.timeout() + " reached");
                    }
                    try {
                        return reconcile(client, project, metric, Optional.ofNullable(managed.get(metric.key())), false,
                                dryRun);
                    } catch (RuntimeException e) {
                        String stopping = stopsEverything(e);
                        if (stopping != null) {
                            stop.compareAndSet(null, stopping);
                        }
                        return new MetricOutcome(metric.key(), Status.FAILED, List.of(),
                                stopping != null ? stopping : describe(e));
                    }
                },
                metric -> new MetricOutcome(metric.key(), Status.FAILED, List.of(), "interrupted: the application stops"))
                .forEach(outcome -> byKey.put(outcome.metricKey(), outcome));
        outcomes.addAll(byKey.values());
        problem = stop.get();
        if (registration.prune() && problem == null) {
            try {
                prune(client, project, desired, managed, outcomes, dryRun);
            } catch (RuntimeException e) {
                problem = Optional.ofNullable(stopsEverything(e)).orElse("pruning failed: " + describe(e));
            }
        }
        boolean failed = problem != null || outcomes.stream().anyMatch(o -> o.status() == Status.FAILED);
        RegistrationReport result = new RegistrationReport(
                failed ? RegistrationReport.State.FAILED : RegistrationReport.State.DONE, project, List.copyOf(outcomes),
                problem, Instant.now());
        if (keep) {
            report = result;
        }
        if (failed) {
            LOG.warn(result.summary());
        } else {
            LOG.info(result.summary());
        }
        return result;
    }

    /**
     * @param listed the metric as the list read found it, empty when the list has no such managed metric
     * @param afterNotFound whether this is the second pass, after a write found the metric gone
     */
    private MetricOutcome reconcile(LaunchDarklyMetricsClient client, String project, DesiredMetric metric,
            Optional<JsonNode> listed, boolean afterNotFound, boolean dryRun) {
        Optional<JsonNode> actual = listed;
        if (actual.isEmpty() && dryRun) {
            // Not managed yet, or not there: a dry run must say which without writing.
            actual = Registrations.get(client, project, metric.key());
        }
        if (actual.isEmpty()) {
            ObjectNode body = metric.createBody();
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            if (dryRun) {
                return new MetricOutcome(metric.key(), Status.PLANNED, fields, "would create");
            }
            try {
                Registrations.create(client, project, body);
                return new MetricOutcome(metric.key(), Status.CREATED, fields, null);
            } catch (LaunchDarklyApiException e) {
                if (!e.isAlreadyExists()) {
                    throw e;
                }
                // Created meanwhile (another instance starting at the same time): compare with what is there now.
                actual = Registrations.get(client, project, metric.key());
                if (actual.isEmpty()) {
                    throw e;
                }
            }
        }
        List<ObjectNode> operations = metric.patchAgainst(actual.get());
        if (operations.isEmpty()) {
            return new MetricOutcome(metric.key(), Status.UNCHANGED, List.of(), null);
        }
        List<String> fields = DesiredMetric.fieldsOf(operations);
        if (dryRun) {
            return new MetricOutcome(metric.key(), Status.PLANNED, fields, "would update");
        }
        try {
            Registrations.patch(client, project, metric.key(), operations);
        } catch (MetricNotFoundException e) {
            if (afterNotFound) {
                throw e;
            }
            // Deleted in LaunchDarkly since it was read: create it again (or compare again if it is back already).
            return reconcile(client, project, metric, Optional.empty(), true, dryRun);
        }
        return new MetricOutcome(metric.key(), Status.UPDATED, fields, null);
    }

    private void prune(LaunchDarklyMetricsClient client, String project, Map<String, DesiredMetric> desired,
            Map<String, JsonNode> managed, List<MetricOutcome> outcomes, boolean dryRun) {
        for (String key : managed.keySet()) {
            if (desired.containsKey(key)) {
                continue;
            }
            if (dryRun) {
                outcomes.add(new MetricOutcome(key, Status.PLANNED, List.of(), "would delete"));
            } else {
                Registrations.delete(client, project, key);
                outcomes.add(new MetricOutcome(key, Status.DELETED, List.of(), null));
            }
        }
    }

    /** The message that stops the whole run for errors no other metric can escape, or null. */
    private static String stopsEverything(RuntimeException e) {
        if (e instanceof UnauthorizedException) {
            return "LaunchDarkly refused the API token (401): set a valid access token in quarkus.launchdarkly.api.token"
                    + " or LAUNCHDARKLY_API_TOKEN";
        }
        if (e instanceof ForbiddenException) {
            return "the API token may not change metrics (403): creating and updating metrics needs a token with the"
                    + " writer role";
        }
        if (e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return null;
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private String projectKey() {
        return config.api().projectKey().orElse(settings.mode() == ClientMode.LOCAL ? "default" : null);
    }
}
