package io.quarkiverse.launchdarkly.runtime.devui;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.EvaluationDetail;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.LDValueType;
import com.launchdarkly.sdk.json.JsonSerialization;
import com.launchdarkly.sdk.json.SerializationException;
import com.launchdarkly.sdk.server.FeatureFlagsState;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.interfaces.DataSourceStatusProvider;

import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfig;
import io.quarkiverse.launchdarkly.ai.AiModel;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.runtime.client.ClientMode;
import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;
import io.quarkiverse.launchdarkly.runtime.client.EventCounters;
import io.quarkiverse.launchdarkly.runtime.client.ExtensionVersion;
import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The Dev UI back end of the LaunchDarkly card: what the client is connected to, the events the local stand-in
 * receives, and what the AI Configs did according to those events.
 * <p>
 * Nothing returned here carries the SDK key or an API access token, not even masked: the pages only say where a key
 * was configured.
 */
@ApplicationScoped
public class LaunchDarklyJsonRpcService {

    private static final Logger LOG = Logger.getLogger(LaunchDarklyJsonRpcService.class);

    /** How many of the retained events a snapshot sends; the page keeps about as many. */
    static final int SNAPSHOT_LIMIT = 500;
    /** How often the event stream reads the stand-in's journal again. */
    private static final Duration STREAM_POLL = Duration.ofMillis(500);
    /** Longest text of a value, data or context column; the rest is cut. */
    private static final int MAX_TEXT = 2000;
    /** Every AI event key starts with the first prefix; a usage event (one per config evaluation) with the second. */
    private static final String AI_PREFIX = "$ld:ai:";
    private static final String USAGE_PREFIX = "$ld:ai:usage:";

    @Inject
    LDClient client;

    @Inject
    ClientSettings settings;

    @Inject
    EventCounters counters;

    @Inject
    TrackingFailures trackingFailures;

    @Inject
    DeliveryCounters delivery;

    @Inject
    MetricRegistration registration;

    @Inject
    LaunchDarklyAi ai;

    private volatile StandInJournal journal;

    // ---- Tracked metrics page ----

    /** Events of annotated methods that were not sent, by reason, and the custom events received per key. */
    public TrackingView getTracking() {
        Map<String, Long> failures = new TreeMap<>();
        trackingFailures.counts().forEach((reason, count) -> failures.put(reason.name(), count));
        List<FailureRow> bySource = new ArrayList<>();
        trackingFailures.countsBySource().forEach((source, count) -> bySource.add(new FailureRow(source.reason().name(),
                source.where(), count)));
        Map<String, Long> received = new TreeMap<>();
        standIn().flatMap(journal -> snapshot(journal, Long.MAX_VALUE, null)).ifPresent(snapshot -> snapshot
                .customEventCounts().keys()
                .forEach(key -> received.put(key, snapshot.customEventCounts().get(key).longValue())));
        return new TrackingView(settings.mode() == ClientMode.LOCAL, received, failures, bySource);
    }

    /** The state of the metric registration and its outcome per metric. */
    @NonBlocking
    public RegistrationView getRegistration() {
        return view(registration.report());
    }

    private static RegistrationView view(RegistrationReport report) {
        List<OutcomeRow> outcomes = report.outcomes().stream()
                .map(o -> new OutcomeRow(o.metricKey(), o.status().name().toLowerCase(), o.changedFields(), o.reason()))
                .toList();
        return new RegistrationView(report.state().name().toLowerCase(), report.projectKey(), report.problem(),
                report.finishedAt() == null ? null : report.finishedAt().toString(), outcomes);
    }

    // ---- Flags page ----

    /**
     * The flags the application can evaluate. In local mode, the stand-in's flags (from the flags file, or the values
     * set since) with their variations and the one each serves by default; in another mode, the SDK's flags as
     * evaluated for {@code contextJson} (the page's context), since the SDK keeps its rules to itself.
     */
    public FlagsView getFlags(String contextJson) {
        if (settings.mode() == ClientMode.LOCAL) {
            try {
                LDValue state = standIn().orElseThrow().flags();
                List<FlagRow> rows = new ArrayList<>();
                LDValue flags = state.get("data").get("flags");
                for (String key : sorted(flags.keys())) {
                    rows.add(flagRow(key, flags.get(key)));
                }
                return new FlagsView(true, state.get("overridden").booleanValue(), state.get("flagsFile").stringValue(),
                        rows, null);
            } catch (IOException | RuntimeException e) {
                return new FlagsView(true, false, null, List.of(), "The stand-in did not list its flags: " + e.getMessage());
            }
        }
        ParsedContext context = ParsedContext.of(contextJson);
        if (context.problem() != null) {
            return new FlagsView(false, false, null, List.of(), context.problem());
        }
        FeatureFlagsState state = client.allFlagsState(context.context());
        List<FlagRow> rows = new ArrayList<>();
        new TreeMap<>(state.toValuesMap()).forEach((key, value) -> rows.add(new FlagRow(key, null, null,
                isAiConfig(value), null, List.of(), text(value))));
        return new FlagsView(false, false, null, rows, state.isValid() ? null
                : "The SDK has no flag data yet (offline, or not initialized): flags evaluate to their defaults");
    }

    /**
     * Local mode only: serves {@code valueJson} for the flag at once, pushed to the SDK over its stream (the flags file
     * is not changed; {@link #useFlagsFile()} serves it again).
     */
    public FlagsView setFlagValue(String flagKey, String valueJson, String contextJson) {
        if (settings.mode() != ClientMode.LOCAL || flagKey == null || flagKey.isBlank()) {
            return withProblem(getFlags(contextJson), "Flags can be changed here in local mode only, for a flag key");
        }
        LDValue value;
        try {
            value = LDValue.parse(valueJson);
        } catch (RuntimeException e) {
            return withProblem(getFlags(contextJson), "Not a JSON value: " + cut(String.valueOf(valueJson)));
        }
        try {
            standIn().orElseThrow().setFlag(flagKey, value);
        } catch (IOException e) {
            return withProblem(getFlags(contextJson), "The stand-in did not take the value: " + e.getMessage());
        }
        return getFlags(contextJson);
    }

    /** Local mode only: serves one of the flag's variations (whole, however long) to everyone, at once. */
    public FlagsView serveVariation(String flagKey, int variation, String contextJson) {
        if (settings.mode() != ClientMode.LOCAL || flagKey == null) {
            return withProblem(getFlags(contextJson), "Flags can be changed here in local mode only, for a flag key");
        }
        try {
            LDValue variations = standIn().orElseThrow().flags().get("data").get("flags").get(flagKey).get("variations");
            if (variation < 0 || variation >= variations.size()) {
                return withProblem(getFlags(contextJson), "The flag " + flagKey + " has no variation " + variation);
            }
            standIn().orElseThrow().setFlag(flagKey, variations.get(variation));
        } catch (IOException e) {
            return withProblem(getFlags(contextJson), "The stand-in did not answer: " + e.getMessage());
        }
        return getFlags(contextJson);
    }

    /** Local mode only: serves the flags file again, forgetting the values set on this page. */
    public FlagsView useFlagsFile(String contextJson) {
        if (settings.mode() == ClientMode.LOCAL) {
            try {
                standIn().orElseThrow().useFlagsFile();
            } catch (IOException e) {
                return withProblem(getFlags(contextJson), "The stand-in did not answer: " + e.getMessage());
            }
        }
        return getFlags(contextJson);
    }

    /**
     * Evaluates one flag for a context given as JSON ({@code {"kind": "user", "key": "..."}}, a multi-context, or the
     * old user format), as the application would: its value, variation and reason and, for an AI Config, the model
     * and the prompt interpolated for that context. This is a real evaluation: the SDK records it, and an AI Config
     * sends its usage event.
     */
    public EvaluationView evaluate(String flagKey, String contextJson) {
        ParsedContext context = ParsedContext.of(contextJson);
        if (context.problem() != null || flagKey == null || flagKey.isBlank()) {
            return new EvaluationView(flagKey, null, null, null, null, null, List.of(),
                    context.problem() != null ? context.problem() : "Choose a flag to evaluate");
        }
        EvaluationDetail<LDValue> detail = client.jsonValueVariationDetail(flagKey, context.context(), LDValue.ofNull());
        LDValue value = detail.getValue();
        String reason = JsonSerialization.serialize(detail.getReason());
        Integer variation = detail.isDefaultValue() ? null : detail.getVariationIndex();
        if (!isAiConfig(value)) {
            return new EvaluationView(flagKey, text(value), variation, reason, null, null, List.of(), null);
        }
        String mode = value.get("_ldMeta").get("mode").stringValue();
        List<String> prompt = new ArrayList<>();
        AiConfig config;
        if ("agent".equals(mode)) {
            AiAgentConfig agent = ai.agentConfig(flagKey, context.context());
            agent.instructions().ifPresent(instructions -> prompt.add("instructions: " + instructions));
            config = agent;
        } else if ("judge".equals(mode)) {
            AiJudgeConfig judge = ai.judgeConfig(flagKey, context.context());
            judge.messages().forEach(m -> prompt.add(m.role().wireName() + ": " + m.content()));
            config = judge;
        } else {
            AiCompletionConfig completion = ai.completionConfig(flagKey, context.context());
            completion.messages().forEach(m -> prompt.add(m.role().wireName() + ": " + m.content()));
            config = completion;
        }
        return new EvaluationView(flagKey, text(value), variation, reason, config.enabled(),
                config.model().map(AiModel::name).orElse(null), prompt, null);
    }

    private static FlagRow flagRow(String key, LDValue flag) {
        List<String> variations = new ArrayList<>();
        boolean aiConfig = false;
        for (LDValue variation : flag.get("variations").values()) {
            variations.add(text(variation));
            aiConfig |= isAiConfig(variation);
        }
        boolean on = flag.get("on").booleanValue();
        LDValue served = on ? flag.get("fallthrough").get("variation") : flag.get("offVariation");
        return new FlagRow(key, flag.get("version").isNumber() ? flag.get("version").intValue() : null, on, aiConfig,
                served.isNumber() ? served.intValue() : null, variations, null);
    }

    private static boolean isAiConfig(LDValue value) {
        return value.getType() == LDValueType.OBJECT && value.get("_ldMeta").getType() == LDValueType.OBJECT;
    }

    private static Set<String> sorted(Iterable<String> keys) {
        Set<String> sorted = new java.util.TreeSet<>();
        keys.forEach(sorted::add);
        return sorted;
    }

    /** A JSON value as the page shows it, cut when long. */
    private static String text(LDValue value) {
        return cut(value.toJsonString());
    }

    private static FlagsView withProblem(FlagsView view, String problem) {
        return new FlagsView(view.local(), view.overridden(), view.flagsFile(), view.flags(), problem);
    }

    /** A context typed in the page, or why it is not one. */
    record ParsedContext(LDContext context, String problem) {

        static ParsedContext of(String json) {
            if (json == null || json.isBlank()) {
                return new ParsedContext(null, "Type a context, such as {\"kind\": \"user\", \"key\": \"user-1\"}");
            }
            try {
                LDContext context = JsonSerialization.deserialize(json, LDContext.class);
                return context.isValid() ? new ParsedContext(context, null)
                        : new ParsedContext(null, "Not a valid context: " + context.getError());
            } catch (SerializationException | RuntimeException e) {
                return new ParsedContext(null, "Not a context in JSON: " + e.getMessage());
            }
        }
    }

    // ---- Actions ----

    /**
     * Runs the metric registration now: for real ({@link MetricRegistration#reconcile()}, whose outcome becomes the
     * page's), or as a dry run that changes nothing ({@link MetricRegistration#plan()}).
     */
    public RegistrationView runRegistration(boolean dryRun) {
        if (registration.report().state() == RegistrationReport.State.DISABLED) {
            return getRegistration();
        }
        RegistrationReport report = dryRun ? registration.plan() : registration.reconcile();
        return view(report);
    }

    /**
     * Sends a custom event through the application's client, as a {@code @TrackedMetric} method would: a conversion,
     * or a numeric event when {@code value} is a number; flushed at once so that it shows up without waiting.
     */
    public String sendTestEvent(String eventKey, String contextJson, String value) {
        if (eventKey == null || eventKey.isBlank()) {
            return "Type an event key";
        }
        if (client.isOffline()) {
            // The SDK drops every event offline: saying "Sent" would be untrue.
            return "Not sent: the client is offline (quarkus.launchdarkly.offline=true), so the SDK drops every event";
        }
        ParsedContext context = ParsedContext.of(contextJson);
        if (context.problem() != null) {
            return context.problem();
        }
        String number = value == null ? "" : value.trim();
        if (number.isEmpty()) {
            client.track(eventKey.trim(), context.context());
        } else {
            double metricValue;
            try {
                metricValue = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                return "Not a number: " + cut(number);
            }
            client.trackMetric(eventKey.trim(), context.context(), LDValue.ofNull(), metricValue);
        }
        client.flush();
        return "Sent " + eventKey.trim() + (number.isEmpty() ? "" : " = " + number) + " for "
                + context.context().getFullyQualifiedKey();
    }

    // ---- AI generations page ----

    /**
     * What the AI Configs did, per config and variation, read from the AI events the stand-in retained (so only in
     * local mode, and only since the start or the last clear). A usage event names only its config, so usage is counted
     * per config; every other AI event carries the run's tracker data and counts for its variation too.
     */
    public AiActivityView getAiActivity() {
        Optional<StandInJournal.Snapshot> journal = standIn().flatMap(standIn -> snapshot(standIn, 0, "custom"));
        if (journal.isEmpty()) {
            return new AiActivityView(false, 0, List.of());
        }
        Map<String, AiConfigTally> byConfig = new TreeMap<>();
        List<StandInJournal.Received> aiEvents = journal.get().events().stream()
                .filter(e -> e.key() != null && e.key().startsWith(AI_PREFIX)).toList();
        for (StandInJournal.Received event : aiEvents) {
            String key = event.key();
            LDValue data = event.data();
            if (key.startsWith(USAGE_PREFIX)) {
                // A usage event's data is the config key; a batch usage event (agent-configs) carries a count instead.
                if (data.getType() == LDValueType.STRING) {
                    byConfig.computeIfAbsent(data.stringValue(), k -> new AiConfigTally()).usage++;
                }
                continue;
            }
            String configKey = data.get("configKey").stringValue();
            if (configKey == null) {
                continue; // $ld:ai:sdk:info and anything else not sent by a tracker
            }
            AiConfigTally perConfig = byConfig.computeIfAbsent(configKey, k -> new AiConfigTally());
            String variationKey = data.get("variationKey").stringValue();
            AiRunTally variation = perConfig.variations.computeIfAbsent(variationKey == null ? "" : variationKey,
                    k -> new AiRunTally(true));
            variation.describedBy(data);
            perConfig.all.add(key, event);
            variation.add(key, event);
        }
        List<AiConfigActivity> configs = new ArrayList<>(byConfig.size());
        byConfig.forEach((configKey, tally) -> {
            List<AiVariationActivity> variations = new ArrayList<>(tally.variations.size());
            tally.variations.forEach((variationKey, run) -> variations.add(new AiVariationActivity(variationKey,
                    run.version, run.modelName, run.providerName, run.figures(), List.copyOf(run.points))));
            configs.add(new AiConfigActivity(configKey, tally.usage, tally.all.figures(), variations));
        });
        return new AiActivityView(true, journal.get().dropped(), configs);
    }

    // ---- Client page ----

    /** Where the client is connected, its data source, what it has recorded, the delivery of its events, versions. */
    public ClientInfo getClientInfo() {
        ClientMode mode = settings.mode();
        StandIn standIn = standIn().map(LaunchDarklyJsonRpcService::describe).orElse(null);
        Endpoints endpoints = null;
        if (mode == ClientMode.REMOTE) {
            ClientSettings.Endpoints configured = settings.endpoints();
            endpoints = new Endpoints(configured.isDefault(), text(configured.relayProxy()), text(configured.streaming()),
                    text(configured.polling()), text(configured.events()));
        }
        return new ClientInfo(mode.name().toLowerCase(), settings.sdkKey().isPresent() ? settings.sdkKeySource() : null,
                standIn, endpoints, dataSource(), client.isInitialized(), client.isOffline(), counters(), delivery(),
                ExtensionVersion.NAME, ExtensionVersion.get(), client.version());
    }

    // ---- Events page ----

    /** The retained journal (newest first, at most {@value #SNAPSHOT_LIMIT}) with its counts. */
    public EventsView getEvents() {
        boolean localMode = settings.mode() == ClientMode.LOCAL;
        Optional<StandInJournal.Snapshot> journal = standIn().flatMap(standIn -> snapshot(standIn, 0, null));
        List<StandInJournal.Received> retained = journal.map(StandInJournal.Snapshot::events).orElse(List.of());
        List<EventRow> rows = new ArrayList<>(Math.min(retained.size(), SNAPSHOT_LIMIT));
        for (int i = retained.size() - 1; i >= 0 && rows.size() < SNAPSHOT_LIMIT; i--) {
            rows.add(row(retained.get(i)));
        }
        Map<String, Long> counts = new TreeMap<>();
        journal.ifPresent(snapshot -> snapshot.customEventCounts().keys()
                .forEach(key -> counts.put(key, snapshot.customEventCounts().get(key).longValue())));
        // Offline, the SDK replaces any event processor by one that drops everything: nothing reaches the counters.
        return new EventsView(localMode, client.isOffline(), journal.isPresent(),
                journal.map(StandInJournal.Snapshot::total).orElse(0L),
                journal.map(StandInJournal.Snapshot::dropped).orElse(0L),
                journal.map(StandInJournal.Snapshot::payloads).orElse(0L), counts, rows, counters());
    }

    /**
     * Every event the stand-in receives from now on, one message each. The stand-in runs outside the application, so
     * its journal is read again every half second for what came after the last event sent.
     */
    public Multi<EventRow> streamEvents() {
        Optional<StandInJournal> standIn = standIn();
        if (standIn.isEmpty()) {
            return Multi.createFrom().empty();
        }
        AtomicLong last = new AtomicLong(snapshot(standIn.get(), Long.MAX_VALUE, null)
                .map(StandInJournal.Snapshot::total).orElse(0L));
        return Multi.createFrom().ticks().every(STREAM_POLL).onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> newEvents(standIn.get(), last));
    }

    private List<EventRow> newEvents(StandInJournal standIn, AtomicLong last) {
        Optional<StandInJournal.Snapshot> snapshot = snapshot(standIn, last.get(), null);
        if (snapshot.isEmpty()) {
            return List.of();
        }
        if (snapshot.get().total() < last.get()) {
            last.set(0); // cleared: the sequence starts again at 1
            return List.of();
        }
        List<EventRow> rows = new ArrayList<>();
        for (StandInJournal.Received event : snapshot.get().events()) {
            rows.add(row(event));
            last.set(Math.max(last.get(), event.sequence()));
        }
        return rows;
    }

    /** Forgets the received events and counts, and returns the (now empty) journal view. */
    public EventsView clearEvents() {
        standIn().ifPresent(standIn -> {
            try {
                standIn.clear();
            } catch (IOException e) {
                LOG.debugf(e, "Clearing the stand-in's journal failed");
            }
        });
        return getEvents();
    }

    /**
     * The label of the Events page on the card, refreshed every 2 seconds: how many events the stand-in received, or
     * why there is no journal ({@code offline}, {@code remote}: the events go to LaunchDarkly, {@code stand-in off}).
     */
    public Multi<String> streamEventsLabel() {
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(10)).every(Duration.ofSeconds(2))
                .onOverflow().drop()
                .map(tick -> eventsLabel())
                .skip().repetitions();
    }

    private String eventsLabel() {
        if (settings.mode() == ClientMode.OFFLINE) {
            return "offline";
        }
        if (settings.mode() == ClientMode.REMOTE) {
            return "remote";
        }
        Optional<StandInJournal.Snapshot> journal = standIn().flatMap(standIn -> snapshot(standIn, Long.MAX_VALUE, null));
        if (journal.isEmpty()) {
            return "stand-in off";
        }
        long total = journal.get().total();
        return total + (total == 1 ? " event" : " events");
    }

    // ---- the stand-in ----

    /** The stand-in of local mode, read over its admin API; empty in the other modes. */
    private Optional<StandInJournal> standIn() {
        Optional<URI> url = settings.standIn();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        StandInJournal current = journal;
        if (current == null || !current.baseUri().equals(url.get())) {
            current = new StandInJournal(url.get());
            journal = current;
        }
        return Optional.of(current);
    }

    /** The journal after {@code after}, or empty when the stand-in does not answer (logged at debug level). */
    private static Optional<StandInJournal.Snapshot> snapshot(StandInJournal standIn, long after, String kind) {
        try {
            return Optional.of(standIn.events(after, kind));
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "The LaunchDarkly stand-in at %s did not answer", standIn.baseUri());
            return Optional.empty();
        }
    }

    private static StandIn describe(StandInJournal standIn) {
        try {
            LDValue info = standIn.info();
            return new StandIn(true, standIn.baseUri().toString(), info.get("flagsFile").stringValue(),
                    info.get("openStreams").intValue(), info.get("journalCapacity").intValue());
        } catch (IOException | RuntimeException e) {
            return new StandIn(false, standIn.baseUri().toString(), null, 0, 0);
        }
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

    private Delivery delivery() {
        Map<String, Long> lostByCause = new LinkedHashMap<>();
        delivery.lostEventsByCause().forEach((cause, count) -> lostByCause.put(cause.tag(), count));
        return new Delivery(delivery.stopped(), delivery.stoppedBecause(), delivery.eventsSent(),
                delivery.eventsDelivered(), delivery.spooledEvents(), delivery.spooledBytes(), delivery.attempts(),
                delivery.failedAttempts(), delivery.lastFailure(), delivery.lostEvents(), lostByCause);
    }

    private Counters counters() {
        return new Counters(counters.customEvents(), counters.identifyEvents(), counters.evaluations(),
                counters.flushRequests(), counters.recentlyRecorded());
    }

    static EventRow row(StandInJournal.Received event) {
        LDValue json = event.event();
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
        return new EventRow(event.sequence(), event.receivedAt().toEpochMilli(), createdAt(json, event), kind, event.key(),
                cut(context(json.get("context"))), cut(value), cut(data));
    }

    /**
     * When the event happened: its {@code creationDate} (a summary's {@code endDate}), set by the SDK at the call; the
     * arrival time, the same for a whole payload, only when the event has neither.
     */
    private static long createdAt(LDValue json, StandInJournal.Received event) {
        LDValue created = json.get("creationDate");
        if (created.isNumber()) {
            return created.longValue();
        }
        LDValue end = json.get("endDate");
        return end.isNumber() ? end.longValue() : event.receivedAt().toEpochMilli();
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

    // ---- AI activity, while it is counted ----

    /** The events of one config while they are counted. */
    private static final class AiConfigTally {
        long usage;
        /** The config's totals: the charts draw variations only, so it keeps no points. */
        final AiRunTally all = new AiRunTally(false);
        final Map<String, AiRunTally> variations = new TreeMap<>();
    }

    /** The tracker events of one config or variation while they are counted. */
    private static final class AiRunTally {
        /** Points per variation the charts get: the newest, three series together. */
        static final int MAX_POINTS = 600;

        final Set<String> runIds = new HashSet<>();
        long success;
        long error;
        long positive;
        long negative;
        long totalTokens;
        long inputTokens;
        long outputTokens;
        long toolCalls;
        double durationSum;
        long durations;
        double timeToFirstTokenSum;
        long timesToFirstToken;
        Integer version;
        String modelName;
        String providerName;
        /** By the score's metric key, sorted. */
        final Map<String, ScoreTally> judgeScores = new TreeMap<>();
        /** Durations, times to first token and token totals over time, oldest first, at most {@link #MAX_POINTS}. */
        final java.util.ArrayDeque<AiPoint> points = new java.util.ArrayDeque<>();
        private final boolean keepsPoints;

        AiRunTally(boolean keepsPoints) {
            this.keepsPoints = keepsPoints;
        }

        /**
         * The newest event wins, so a flag edited while the application runs shows its current version and model. A
         * tracker rebuilt from a resumption token (feedback given later) knows neither model nor provider and sends
         * them as {@code ""}: that says nothing about the variation, so it does not erase what an earlier event named.
         */
        void describedBy(LDValue data) {
            if (data.get("version").isNumber()) {
                version = data.get("version").intValue();
            }
            String model = blankToNull(data.get("modelName").stringValue());
            String provider = blankToNull(data.get("providerName").stringValue());
            if (model != null || provider != null) {
                modelName = model;
                providerName = provider;
            }
        }

        void add(String key, StandInJournal.Received event) {
            String runId = event.data().get("runId").stringValue();
            if (runId != null) {
                runIds.add(runId);
            }
            double value = event.metricValue() == null ? 0 : event.metricValue();
            String series = switch (key) {
                case AiConfigTracker.DURATION -> "duration";
                case AiConfigTracker.TIME_TO_FIRST_TOKEN -> "ttft";
                case AiConfigTracker.TOKENS_TOTAL -> "tokens";
                default -> null;
            };
            if (series != null && keepsPoints) {
                points.addLast(new AiPoint(createdAt(event.event(), event), series, value));
                if (points.size() > MAX_POINTS) {
                    points.removeFirst();
                }
            }
            switch (key) {
                case AiConfigTracker.SUCCESS -> success++;
                case AiConfigTracker.ERROR -> error++;
                case AiConfigTracker.FEEDBACK_POSITIVE -> positive++;
                case AiConfigTracker.FEEDBACK_NEGATIVE -> negative++;
                case AiConfigTracker.TOKENS_TOTAL -> totalTokens += (long) value;
                case AiConfigTracker.TOKENS_INPUT -> inputTokens += (long) value;
                case AiConfigTracker.TOKENS_OUTPUT -> outputTokens += (long) value;
                case AiConfigTracker.TOOL_CALL -> toolCalls++;
                case AiConfigTracker.DURATION -> {
                    durationSum += value;
                    durations++;
                }
                case AiConfigTracker.TIME_TO_FIRST_TOKEN -> {
                    timeToFirstTokenSum += value;
                    timesToFirstToken++;
                }
                default -> {
                    // A judge's score names its judge; a key added later still counts the run.
                    String judge = event.data().get("judgeConfigKey").stringValue();
                    if (judge != null && event.metricValue() != null) {
                        judgeScores.computeIfAbsent(key, k -> new ScoreTally()).add(judge, value);
                    }
                }
            }
        }

        AiRunFigures figures() {
            List<JudgeScores> scores = new ArrayList<>(judgeScores.size());
            judgeScores.forEach((metricKey, tally) -> scores.add(new JudgeScores(metricKey, tally.judgeConfigKey,
                    tally.count, Math.round(tally.sum / tally.count * 1000) / 1000.0)));
            return new AiRunFigures(runIds.size(), success, error, positive, negative, totalTokens, inputTokens,
                    outputTokens, toolCalls, durations == 0 ? null : round(durationSum / durations),
                    timesToFirstToken == 0 ? null : round(timeToFirstTokenSum / timesToFirstToken), scores);
        }

        private static double round(double millis) {
            return Math.round(millis * 10) / 10.0;
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text;
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
    /**
     * The Flags page.
     *
     * @param local whether the flags are the stand-in's (and can be changed here)
     * @param overridden whether values set on this page (or by a test) are served instead of the flags file
     * @param flagsFile the flags file the stand-in serves, null when it serves none
     * @param problem why the list is empty or the last action failed, null when all is well
     */
    public record FlagsView(boolean local, boolean overridden, String flagsFile, List<FlagRow> flags, String problem) {
    }

    /**
     * One flag.
     *
     * @param version null outside local mode
     * @param on whether targeting is on; null outside local mode
     * @param servedVariation the variation served to a context no rule matches (the off variation when off)
     * @param variations each variation's JSON (local mode)
     * @param value the value for the page's context (outside local mode)
     */
    public record FlagRow(String key, Integer version, Boolean on, boolean aiConfig, Integer servedVariation,
            List<String> variations, String value) {
    }

    /**
     * One evaluation for a typed context.
     *
     * @param value the JSON value
     * @param variation the variation index, null when the default was served
     * @param reason the evaluation reason, as LaunchDarkly writes it in JSON
     * @param enabled for an AI Config, whether it is enabled for the context; null otherwise
     * @param prompt for an AI Config, its messages ({@code role: text}) or instructions, interpolated for the context
     */
    public record EvaluationView(String flagKey, String value, Integer variation, String reason, Boolean enabled,
            String modelName, List<String> prompt, String problem) {
    }

    public record RegistrationView(String state, String projectKey, String problem, String finishedAt,
            List<OutcomeRow> outcomes) {
    }

    public record OutcomeRow(String metricKey, String status, List<String> changedFields, String reason) {
    }

    /** Live figures of the tracked metrics page. */
    public record TrackingView(boolean local, Map<String, Long> receivedByKey, Map<String, Long> notSentByReason,
            List<FailureRow> notSent) {
    }

    /**
     * Events not sent for one reason by one method.
     *
     * @param where {@code Class#method(Param) @TrackedMetric}, {@code ... @AiGeneration}, or the judge
     */
    public record FailureRow(String reason, String where, long count) {
    }

    public record ClientInfo(String mode, String keyConfiguredBy, StandIn standIn, Endpoints endpoints,
            DataSource dataSource, boolean initialized, boolean offline, Counters counters, Delivery delivery,
            String extensionName,
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

    /** What happened to the events handed over for delivery; {@code lostByCause} has every cause. */
    public record Delivery(boolean stopped, String stoppedBecause, long sent, long delivered, long waiting,
            long spoolBytes, long attempts, long failedAttempts, String lastFailure, long lost,
            Map<String, Long> lostByCause) {
    }

    public record Counters(long customEvents, long identifyEvents, long evaluations, long flushRequests,
            long recentlyRecorded) {
    }

    /**
     * @param local whether the client sends its events to the stand-in
     * @param events the most recent events, newest first
     */
    public record EventsView(boolean local, boolean offline, boolean standInRunning, long total, long dropped,
            long payloads, Map<String, Long> customEventCounts, List<EventRow> events, Counters counters) {
    }

    /**
     * What the AI Configs did, for the AI generations page.
     *
     * @param local whether the client sends its events to the stand-in; the figures are empty otherwise
     * @param eventsDropped how many events the journal let go for lack of room: when not 0, the figures miss the oldest
     *        runs
     * @param configs per config key, sorted
     */
    public record AiActivityView(boolean local, long eventsDropped, List<AiConfigActivity> configs) {
    }

    /**
     * @param usage how many times the config was evaluated through the AI API (disabled evaluations included)
     * @param totals the figures of all its runs
     * @param variations the figures per variation key (sorted; {@code ""} when the variation has none)
     */
    public record AiConfigActivity(String configKey, long usage, AiRunFigures totals,
            List<AiVariationActivity> variations) {
    }

    /**
     * @param version the flag version of the newest event, or null
     * @param modelName the model of the newest event, or null
     * @param providerName the provider of the newest event, or null
     */
    public record AiVariationActivity(String variationKey, Integer version, String modelName, String providerName,
            AiRunFigures figures, List<AiPoint> points) {
    }

    /**
     * One measurement of a run, for the charts: when the SDK created its event, and its value.
     *
     * @param metric {@code duration} (ms), {@code ttft} (time to first token, ms) or {@code tokens} (total)
     */
    public record AiPoint(long time, String metric, double value) {
    }

    /**
     * Counts of AI runs and their events.
     *
     * @param runs distinct run ids
     * @param totalTokens sum of the reported total token counts (a count, not a credential)
     * @param avgDurationMs mean of the recorded durations, null when none
     * @param avgTimeToFirstTokenMs mean of the recorded times to first token, null when none
     */
    public record AiRunFigures(long runs, long success, long error, long feedbackPositive, long feedbackNegative,
            long totalTokens, long inputTokens, long outputTokens, long toolCalls, Double avgDurationMs,
            Double avgTimeToFirstTokenMs, List<JudgeScores> judgeScores) {
    }

    /**
     * The scores judges gave the runs.
     *
     * @param metricKey the score's event key, such as {@code $ld:ai:judge:relevance}
     * @param judgeConfigKey the judge's AI Config (the newest score's, should several judges share a metric key)
     * @param scores how many scores
     * @param average their mean, from 0 to 1
     */
    public record JudgeScores(String metricKey, String judgeConfigKey, long scores, double average) {
    }

    private static final class ScoreTally {
        String judgeConfigKey;
        long count;
        double sum;

        void add(String judge, double score) {
            judgeConfigKey = judge;
            count++;
            sum += score;
        }
    }

    /**
     * One received event, as a table row.
     *
     * @param sequence order of arrival, from 1 (starts again after a clear)
     * @param receivedAt epoch milliseconds, when the stand-in received its payload
     * @param createdAt epoch milliseconds, when the SDK created the event
     * @param context {@code kind:key}
     * @param value the metric value of a custom event, the flag value of a feature event (JSON)
     * @param data the data of a custom event (JSON), the details of a feature event, the flags of a summary
     */
    public record EventRow(long sequence, long receivedAt, long createdAt, String kind, String key, String context,
            String value,
            String data) {
    }
}
