package io.quarkiverse.launchdarkly.runtime.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.launchdarkly.sdk.LDValue;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkiverse.launchdarkly.runtime.local.http.LocalRequest;
import io.quarkiverse.launchdarkly.runtime.local.http.LocalResponse;
import io.quarkiverse.launchdarkly.runtime.local.metrics.ApiRole;
import io.quarkiverse.launchdarkly.runtime.local.metrics.LocalMetricsApi;

/**
 * A local LaunchDarkly: an HTTP server on 127.0.0.1 that plays the LaunchDarkly services an application talks to, so
 * that the real SDK and the real REST client run end to end with no account and no network.
 * <ul>
 * <li>flag data from a file, over streaming ({@code GET /all}) and polling ({@code GET /sdk/latest-all});</li>
 * <li>analytics events ({@code POST /bulk}, {@code POST /diagnostic}), kept in an {@link EventJournal};</li>
 * <li>the metrics REST API ({@code /api/v2/metrics/...}), in memory;</li>
 * <li>{@link Faults} injected into any of these for tests;</li>
 * <li>{@code GET /_local/events}: the journal as JSON, for a person with curl.</li>
 * </ul>
 * SDK endpoints check the SDK key like LaunchDarkly does (401 when it differs); the REST API checks API access
 * tokens and their role.
 * <p>
 * In a Quarkus application the extension starts one in dev and test mode and exposes it as a bean; tests can also
 * run one on their own with {@link #builder()}.
 */
public final class LocalLaunchDarkly {

    private static final Logger LOG = Logger.getLogger(LocalLaunchDarkly.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String sdkKey;
    private final FlagFile flagFile;
    private final boolean watchFlagsFile;
    private final int requestedPort;
    private final boolean logEvents;
    private final EventJournal journal;
    private final Faults faults = new Faults();
    private final LocalMetricsApi metricsApi = new LocalMetricsApi();
    private final FlagStreams streams = new FlagStreams();
    private final String writerApiToken = "api-local-writer-" + UUID.randomUUID();
    private final String readerApiToken = "api-local-reader-" + UUID.randomUUID();

    private volatile String dataSet = FlagFile.emptyDataSet().toString();
    private volatile ObjectNode overrides;
    private HttpServer server;
    private ExecutorService executor;
    private Thread watcher;
    private volatile boolean running;

    private LocalLaunchDarkly(Builder builder) {
        this.sdkKey = builder.sdkKey;
        this.flagFile = builder.flagsFile == null ? null : new FlagFile(builder.flagsFile);
        this.watchFlagsFile = builder.watchFlagsFile;
        this.requestedPort = builder.port;
        this.logEvents = builder.logEvents;
        this.journal = new EventJournal(builder.journalCapacity);
        metricsApi.registerToken(writerApiToken, ApiRole.WRITER);
        metricsApi.registerToken(readerApiToken, ApiRole.READER);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the flag data and starts listening.
     *
     * @throws IllegalArgumentException when the flag data file is invalid
     * @throws IllegalStateException when the port cannot be bound
     */
    public synchronized LocalLaunchDarkly start() {
        if (running) {
            return this;
        }
        if (flagFile != null) {
            dataSet = flagFile.load().toString();
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
        } catch (IOException e) {
            throw new IllegalStateException("The local LaunchDarkly stand-in cannot listen on 127.0.0.1:" + requestedPort
                    + " (quarkus.launchdarkly.local.port): " + e.getMessage(), e);
        }
        executor = Executors.newCachedThreadPool(daemonThreads("launchdarkly-local-"));
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
        running = true;
        if (watchFlagsFile && flagFile != null) {
            flagFile.path().ifPresent(this::watch);
        }
        LOG.debugf("Local LaunchDarkly stand-in listening on %s", baseUri());
        return this;
    }

    /** Ends open streams and stops listening. Idempotent. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (watcher != null) {
            watcher.interrupt();
            watcher = null;
        }
        streams.closeAll();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** The base URI that the SDK's streaming, polling and events endpoints and the REST API base URL point at. */
    public URI baseUri() {
        if (!running) {
            throw new IllegalStateException("The local LaunchDarkly stand-in is not running"
                    + " (it runs in dev and test mode when no SDK key is set, or with quarkus.launchdarkly.local.enabled=true)");
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The SDK key the stand-in accepts on its SDK endpoints. */
    public String sdkKey() {
        return sdkKey;
    }

    /** An API access token with the {@code writer} role, accepted by the metrics REST API. */
    public String writerApiToken() {
        return writerApiToken;
    }

    /** An API access token with the {@code reader} role: reads succeed, writes answer 403. */
    public String readerApiToken() {
        return readerApiToken;
    }

    /** The events received so far. */
    public EventJournal events() {
        return journal;
    }

    /** The faults to inject into the next requests. */
    public Faults faults() {
        return faults;
    }

    /** The metrics REST API and its in-memory state. */
    public LocalMetricsApi metricsApi() {
        return metricsApi;
    }

    /** Forgets received events, injected faults, metrics and flag overrides, as a test does between two cases. */
    public void reset() {
        journal.clear();
        faults.clear();
        metricsApi.reset();
        if (overrides != null) {
            overrides = null;
            reloadFlags();
        }
    }

    /**
     * Replaces the flag data with this data set (same format as the file) until {@link #reset()}, and pushes it to
     * connected SDKs.
     *
     * @throws IllegalArgumentException when the data cannot be parsed or breaks the format; the current data stays
     */
    public void useFlagData(String yamlOrJson) {
        overrides = FlagFile.parse(yamlOrJson);
        publish(overrides.toString());
    }

    /** Reads the flag data file again and pushes it to connected SDKs. */
    public void reloadFlags() {
        ObjectNode data = overrides != null ? overrides
                : flagFile == null ? FlagFile.emptyDataSet() : flagFile.load();
        publish(data.toString());
    }

    /** Lets the journal make the application's SDK deliver its buffered events while a test awaits them. */
    public void flushEventsWith(Runnable flush) {
        journal.flushWith(flush);
    }

    /** How many SDK streaming connections are open. */
    public int openStreams() {
        return streams.openCount();
    }

    private void publish(String data) {
        dataSet = data;
        streams.publish(data);
    }

    // ---- HTTP ----

    private void dispatch(HttpExchange exchange) throws IOException {
        try {
            LocalRequest request = read(exchange);
            Optional<Fault> fault = faults.take(request.method(), request.path());
            if (fault.isPresent()) {
                switch (fault.get().action()) {
                    case DROP_CONNECTION -> {
                        // Closing before any response header makes the JDK server drop the connection.
                        exchange.close();
                        return;
                    }
                    case DELAY -> sleep(fault.get().delayValue());
                    case STATUS -> {
                        write(exchange, faultResponse(fault.get()));
                        return;
                    }
                }
            }
            if (request.method().equals("GET") && request.path().equals("/all")) {
                if (!sdkKeyAccepted(request)) {
                    write(exchange, LocalResponse.empty(401));
                    return;
                }
                streams.serve(exchange, dataSet);
                return;
            }
            write(exchange, route(request));
        } catch (RuntimeException e) {
            LOG.warnf(e, "The local LaunchDarkly stand-in failed on %s %s", exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath());
            write(exchange, LocalResponse.json(500, "{\"code\":\"internal_error\",\"message\":\"stand-in failure\"}"));
        } finally {
            exchange.close();
        }
    }

    private LocalResponse route(LocalRequest request) {
        String path = request.path();
        if (path.startsWith("/api/v2/metrics")) {
            return metricsApi.handle(request);
        }
        return switch (request.method() + " " + path) {
            case "GET /sdk/latest-all" -> sdkKeyAccepted(request) ? LocalResponse.json(200, dataSet) : LocalResponse.empty(401);
            case "POST /bulk" -> receiveEvents(request);
            case "POST /diagnostic" -> receiveDiagnostic(request);
            case "GET /_local/events" -> LocalResponse.json(200, journalJson());
            default -> LocalResponse.json(404, "{\"code\":\"not_found\",\"message\":\"The local LaunchDarkly stand-in has no "
                    + request.method() + " " + path.replace("\"", "") + "\"}");
        };
    }

    private boolean sdkKeyAccepted(LocalRequest request) {
        return sdkKey.equals(request.header("Authorization"));
    }

    private LocalResponse receiveEvents(LocalRequest request) {
        if (!sdkKeyAccepted(request)) {
            journal.recordRejectedPayload();
            LOG.warn("The local LaunchDarkly stand-in refused an event payload: its SDK key is not the one it expects");
            return LocalResponse.empty(401);
        }
        JsonNode payload = parseJson(request);
        if (payload == null || !payload.isArray()) {
            return LocalResponse.json(400, "{\"message\":\"an event payload is a JSON array\"}");
        }
        List<String> events = new ArrayList<>(payload.size());
        payload.forEach(event -> events.add(event.toString()));
        journal.recordPayload(events);
        if (logEvents) {
            for (JsonNode event : payload) {
                if ("custom".equals(event.path("kind").asText())) {
                    LOG.infof("LaunchDarkly local stand-in received custom event '%s' (context %s, value %s, data %s)",
                            event.path("key").asText(), describeContext(event.path("context")),
                            event.has("metricValue") ? event.get("metricValue").toString() : "none",
                            event.has("data") ? event.get("data").toString() : "none");
                }
            }
        }
        return LocalResponse.empty(202);
    }

    private LocalResponse receiveDiagnostic(LocalRequest request) {
        if (!sdkKeyAccepted(request)) {
            journal.recordRejectedPayload();
            return LocalResponse.empty(401);
        }
        JsonNode diagnostic = parseJson(request);
        journal.recordDiagnostic(diagnostic == null ? LDValue.ofNull() : LDValue.parse(diagnostic.toString()));
        return LocalResponse.empty(202);
    }

    private static String describeContext(JsonNode context) {
        if (!context.isObject()) {
            return "none";
        }
        String kind = context.path("kind").asText();
        if ("multi".equals(kind)) {
            List<String> parts = new ArrayList<>();
            context.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("kind")) {
                    parts.add(field.getKey() + ":" + field.getValue().path("key").asText());
                }
            });
            return "multi(" + String.join(", ", parts) + ")";
        }
        return kind + ":" + context.path("key").asText();
    }

    private String journalJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("total", journal.total());
        json.put("dropped", journal.dropped());
        json.put("payloads", journal.payloads());
        json.put("diagnosticPayloads", journal.diagnosticPayloads());
        json.put("rejectedPayloads", journal.rejectedPayloads());
        ObjectNode counts = json.putObject("customEventCounts");
        journal.customEventCounts().forEach(counts::put);
        ArrayNode events = json.putArray("events");
        try {
            for (RecordedEvent event : journal.events()) {
                events.add(JSON.readTree(event.wireJson()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString();
    }

    /** The request body as JSON (gunzipped when the SDK compressed it), or {@code null} when it is not JSON. */
    private static JsonNode parseJson(LocalRequest request) {
        try {
            byte[] body = request.body();
            if ("gzip".equalsIgnoreCase(request.header("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static LocalResponse faultResponse(Fault fault) {
        LocalResponse response = LocalResponse.json(fault.statusCode(), "{\"code\":\"injected_fault\",\"message\":\""
                + "fault injected by the local LaunchDarkly stand-in\",\"id\":\"" + UUID.randomUUID() + "\"}");
        Duration retryAfter = fault.retryAfterValue();
        if (retryAfter != null) {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            response = response.withHeader("Retry-After", Long.toString(seconds));
        }
        return response;
    }

    private static LocalRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        return new LocalRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), uri.getPath(),
                parseQuery(uri.getRawQuery()), headers, body);
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static void write(HttpExchange exchange, LocalResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- flag file watching ----

    private void watch(Path file) {
        watcher = new Thread(() -> {
            FileTime last = modified(file);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                FileTime now = modified(file);
                if (!Objects.equals(now, last)) {
                    last = now;
                    try {
                        reloadFlags();
                        LOG.infof("Reloaded LaunchDarkly flag data from %s", file);
                    } catch (IllegalArgumentException e) {
                        LOG.errorf("Kept the previous LaunchDarkly flag data: %s", e.getMessage());
                    }
                }
            }
        }, "launchdarkly-local-flag-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a stand-in. */
    public static final class Builder {
        private String sdkKey = "sdk-local-" + UUID.randomUUID();
        private String flagsFile;
        private boolean watchFlagsFile;
        private int port;
        private int journalCapacity = 1000;
        private boolean logEvents;

        private Builder() {
        }

        /** The SDK key the SDK endpoints accept (a random one by default). */
        public Builder sdkKey(String key) {
            this.sdkKey = Objects.requireNonNull(key, "sdkKey");
            return this;
        }

        /** The flag data file: a file system path or a classpath resource. None by default. */
        public Builder flagsFile(String location) {
            this.flagsFile = location;
            return this;
        }

        /** Pushes changes of a flag data file on the file system to connected SDKs. */
        public Builder watchFlagsFile(boolean watch) {
            this.watchFlagsFile = watch;
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a TCP port: " + port);
            }
            this.port = port;
            return this;
        }

        /** How many events the journal keeps. */
        public Builder journalCapacity(int capacity) {
            this.journalCapacity = capacity;
            return this;
        }

        /** Logs each received custom event at INFO level. */
        public Builder logEvents(boolean log) {
            this.logEvents = log;
            return this;
        }

        public LocalLaunchDarkly build() {
            return new LocalLaunchDarkly(this);
        }
    }
}
