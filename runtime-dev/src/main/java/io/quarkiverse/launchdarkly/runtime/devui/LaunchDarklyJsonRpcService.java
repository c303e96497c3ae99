package io.quarkiverse.launchdarkly.runtime.devui;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.LDValueType;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.interfaces.DataSourceStatusProvider;

import io.quarkiverse.launchdarkly.runtime.client.ClientMode;
import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;
import io.quarkiverse.launchdarkly.runtime.client.EventCounters;
import io.quarkiverse.launchdarkly.runtime.client.ExtensionVersion;
import io.quarkiverse.launchdarkly.runtime.client.LaunchDarklyConfig;
import io.quarkiverse.launchdarkly.runtime.local.EventJournal;
import io.quarkiverse.launchdarkly.runtime.local.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.runtime.local.RecordedEvent;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.quarkiverse.launchdarkly.runtime.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.runtime.registration.RegistrationReport;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;

/**
 * The Dev UI back end of the LaunchDarkly card: what the client is connected to, and the events the local stand-in
 * receives.
 * <p>
 * Nothing returned here carries the SDK key or an API access token, not even masked: the pages only say where a key
 * was configured.
 */
@ApplicationScoped
public class LaunchDarklyJsonRpcService {

    private static final Logger LOG = Logger.getLogger(LaunchDarklyJsonRpcService.class);

    /** How many of the retained events a snapshot sends; the page keeps about as many. */
    static final int SNAPSHOT_LIMIT = 500;
    /** Longest text of a value, data or context column; the rest is cut. */
    private static final int MAX_TEXT = 2000;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    LDClient client;

    @Inject
    ClientSettings settings;

    @Inject
    EventCounters counters;

    @Inject
    LaunchDarklyConfig config;

    @Inject
    TrackingFailures trackingFailures;

    @Inject
    MetricRegistration registration;

    // ---- Tracked metrics page ----

    /** Events of annotated methods that were not sent, by reason, and the custom events received per key. */
    @NonBlocking
    public TrackingView getTracking() {
        Map<String, Long> failures = new TreeMap<>();
        trackingFailures.counts().forEach((reason, count) -> failures.put(reason.name(), count));
        Map<String, Long> received = settings.mode() == ClientMode.LOCAL ? local.events().customEventCounts() : Map.of();
        return new TrackingView(settings.mode() == ClientMode.LOCAL, new TreeMap<>(received), failures);
    }

    /** The state of the metric registration and its outcome per metric. */
    @NonBlocking
    public RegistrationView getRegistration() {
        RegistrationReport report = registration.report();
        List<OutcomeRow> outcomes = report.outcomes().stream()
                .map(o -> new OutcomeRow(o.metricKey(), o.status().name().toLowerCase(), o.changedFields(), o.reason()))
                .toList();
        return new RegistrationView(report.state().name().toLowerCase(), report.projectKey(), report.problem(),
                report.finishedAt() == null ? null : report.finishedAt().toString(), outcomes);
    }

    // ---- Client page ----

    /** Where the client is connected, its data source, what it has recorded, and versions. */
    @NonBlocking
    public ClientInfo getClientInfo() {
        ClientMode mode = settings.mode();
        StandIn standIn = null;
        if (mode == ClientMode.LOCAL) {
            standIn = new StandIn(local.isRunning(), local.isRunning() ? local.baseUri().toString() : null,
                    config.local().flagsFile(), local.isRunning() ? local.openStreams() : 0,
                    config.local().journalCapacity());
        }
        Endpoints endpoints = null;
        if (mode == ClientMode.REMOTE) {
            ClientSettings.Endpoints configured = settings.endpoints();
            endpoints = new Endpoints(configured.isDefault(), text(configured.relayProxy()), text(configured.streaming()),
                    text(configured.polling()), text(configured.events()));
        }
        return new ClientInfo(mode.name().toLowerCase(), settings.sdkKey().isPresent() ? settings.sdkKeySource() : null,
                standIn, endpoints, dataSource(), client.isInitialized(), client.isOffline(), counters(),
                ExtensionVersion.NAME, ExtensionVersion.get(), client.version());
    }

    // ---- Events page ----

    /** The retained journal (newest first, at most {@value #SNAPSHOT_LIMIT}) with its counts. */
    @NonBlocking
    public EventsView getEvents() {
        boolean localMode = settings.mode() == ClientMode.LOCAL;
        EventJournal journal = local.events();
        List<RecordedEvent> retained = localMode ? journal.events() : List.of();
        List<EventRow> rows = new ArrayList<>(Math.min(retained.size(), SNAPSHOT_LIMIT));
        for (int i = retained.size() - 1; i >= 0 && rows.size() < SNAPSHOT_LIMIT; i--) {
            rows.add(row(retained.get(i)));
        }
        return new EventsView(localMode, localMode && local.isRunning(),
                localMode ? journal.total() : 0, localMode ? journal.dropped() : 0, localMode ? journal.payloads() : 0,
                localMode ? new TreeMap<>(journal.customEventCounts()) : Map.of(), rows, counters());
    }

    /** Every event the stand-in receives from now on, one message each; ends the journal subscription on cancel. */
    public Multi<EventRow> streamEvents() {
        EventJournal journal = local.events();
        return Multi.createFrom().<EventRow> emitter(emitter -> {
            AutoCloseable subscription = journal.subscribe(event -> emitter.emit(row(event)));
            emitter.onTermination(() -> close(subscription));
        }, BackPressureStrategy.BUFFER);
    }

    /** Forgets the received events and counts, and returns the (now empty) journal view. */
    @NonBlocking
    public EventsView clearEvents() {
        local.events().clear();
        return getEvents();
    }

    /** The label of the Events page on the card: how many events the stand-in received, refreshed every 2 seconds. */
    public Multi<String> streamEventsLabel() {
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(10)).every(Duration.ofSeconds(2))
                .onOverflow().drop()
                .map(tick -> eventsLabel())
                .skip().repetitions();
    }

    private String eventsLabel() {
        if (settings.mode() != ClientMode.LOCAL) {
            return "stand-in off";
        }
        long total = local.events().total();
        return total + (total == 1 ? " event" : " events");
    }

    // ---- conversions ----

    private DataSource dataSource() {
        DataSourceStatusProvider.Status status = client.getDataSourceStatusProvider().getStatus();
        DataSourceStatusProvider.ErrorInfo error = status.getLastError();
        LastError lastError = error == null ? null
                : new LastError(String.valueOf(error.getKind()), error.getStatusCode(), cut(error.getMessage()),
                        time(error.getTime()));
        return new DataSource(String.valueOf(status.getState()), time(status.getStateSince()), lastError);
    }

    private Counters counters() {
        return new Counters(counters.customEvents(), counters.identifyEvents(), counters.evaluations(),
                counters.flushRequests(), counters.recentlyRecorded());
    }

    static EventRow row(RecordedEvent event) {
        LDValue json = event.json();
        String kind = event.kind();
        String value = null;
        String data = null;
        if ("custom".equals(kind)) {
            Double metric = event.metricValue();
            value = metric == null ? null : LDValue.of(metric).toJsonString();
            data = event.data().isNull() ? null : event.data().toJsonString();
        } else if ("feature".equals(kind) || "debug".equals(kind)) {
            value = json.get("value").toJsonString();
            LDValue details = LDValue.buildObject()
                    .put("variation", json.get("variation"))
                    .put("version", json.get("version"))
                    .put("default", json.get("default"))
                    .build();
            data = details.toJsonString();
        } else if ("summary".equals(kind)) {
            List<String> flags = new ArrayList<>();
            json.get("features").keys().forEach(flags::add);
            data = flags.isEmpty() ? null : "flags: " + String.join(", ", flags);
        }
        return new EventRow(event.sequence(), event.receivedAt().toEpochMilli(), kind, event.key(),
                cut(context(json.get("context"))), cut(value), cut(data));
    }

    /** {@code kind:key}, or {@code multi(kind:key, ...)} for a multi-kind context, or null. */
    private static String context(LDValue context) {
        if (context.getType() != LDValueType.OBJECT) {
            return null;
        }
        String kind = context.get("kind").stringValue();
        if ("multi".equals(kind)) {
            List<String> parts = new ArrayList<>();
            for (String k : context.keys()) {
                if (!k.equals("kind")) {
                    parts.add(k + ":" + context.get(k).get("key").stringValue());
                }
            }
            return "multi(" + String.join(", ", parts) + ")";
        }
        return (kind == null ? "user" : kind) + ":" + context.get("key").stringValue();
    }

    private static String text(Optional<URI> uri) {
        // A URI with user information would carry a credential: leave that part out.
        return uri.map(u -> u.getUserInfo() == null ? u.toString()
                : u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                        + (u.getRawPath() == null ? "" : u.getRawPath()))
                .orElse(null);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private static void close(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debugf(e, "Closing a Dev UI subscription to the LaunchDarkly event journal failed");
        }
    }

    // ---- what the pages receive ----

    /**
     * @param mode {@code remote}, {@code local} or {@code offline}
     * @param keyConfiguredBy the property or environment variable that holds the SDK key, when one is configured; never
     *        the key
     * @param standIn the local stand-in, in local mode
     * @param endpoints the configured service endpoints, in remote mode
     */
    /** The metric registration, for the tracked metrics page. */
    public record RegistrationView(String state, String projectKey, String problem, String finishedAt,
            List<OutcomeRow> outcomes) {
    }

    public record OutcomeRow(String metricKey, String status, List<String> changedFields, String reason) {
    }

    /** Live figures of the tracked metrics page. */
    public record TrackingView(boolean local, Map<String, Long> receivedByKey, Map<String, Long> notSentByReason) {
    }

    public record ClientInfo(String mode, String keyConfiguredBy, StandIn standIn, Endpoints endpoints,
            DataSource dataSource, boolean initialized, boolean offline, Counters counters, String extensionName,
            String extensionVersion, String sdkVersion) {
    }

    public record StandIn(boolean running, String baseUri, String flagsFile, int openStreams, int journalCapacity) {
    }

    public record Endpoints(boolean launchDarklyDefaults, String relayProxy, String streaming, String polling,
            String events) {
    }

    public record DataSource(String state, String since, LastError lastError) {
    }

    public record LastError(String kind, int statusCode, String message, String time) {
    }

    public record Counters(long customEvents, long identifyEvents, long evaluations, long flushRequests,
            long recentlyRecorded) {
    }

    /**
     * @param local whether the client sends its events to the stand-in
     * @param events the most recent events, newest first
     */
    public record EventsView(boolean local, boolean standInRunning, long total, long dropped, long payloads,
            Map<String, Long> customEventCounts, List<EventRow> events, Counters counters) {
    }

    /**
     * One received event, as a table row.
     *
     * @param sequence order of arrival, from 1 (starts again after a clear)
     * @param receivedAt epoch milliseconds
     * @param context {@code kind:key}
     * @param value the metric value of a custom event, the flag value of a feature event (JSON)
     * @param data the data of a custom event (JSON), the details of a feature event, the flags of a summary
     */
    public record EventRow(long sequence, long receivedAt, String kind, String key, String context, String value,
            String data) {
    }
}
