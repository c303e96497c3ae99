package io.quarkiverse.launchdarkly.standin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.standin.http.LocalRequest;
import io.quarkiverse.launchdarkly.standin.http.LocalResponse;
import io.quarkiverse.launchdarkly.standin.metrics.ApiRole;
import io.quarkiverse.launchdarkly.standin.metrics.MetricsApi;

/**
 * A local LaunchDarkly: an HTTP server that plays the LaunchDarkly services an application talks to, so that the
 * real SDK and the real REST client run end to end with no account and no network.
 * <ul>
 * <li>flag data from a file, over streaming ({@code GET /all}) and polling ({@code GET /sdk/latest-all});</li>
 * <li>analytics events ({@code POST /bulk}, {@code POST /diagnostic}), kept in an {@link EventJournal};</li>
 * <li>the metrics REST API ({@code /api/v2/metrics/...}), in memory;</li>
 * <li>{@link Faults} injected into any of these;</li>
 * <li>an admin API under {@code /_local/} to read the journal, set flags, inject faults and reset, which is how the
 * Quarkus Dev UI and test helpers reach a stand-in running outside the application ({@link AdminRoute}).</li>
 * </ul>
 * SDK endpoints check the SDK key like LaunchDarkly does (401 when it differs); the REST API checks API access tokens
 * and their role. The keys have fixed defaults, since the stand-in only ever listens where a developer put it.
 * <p>
 * Quarkus starts one as a Dev Service; run one on its own with {@link StandInMain} ({@code java -jar}) or
 * {@link #builder()}.
 */
public final class LaunchDarklyStandIn implements AutoCloseable {

    /** The JDK HTTP server's switch for {@code TCP_NODELAY} on the sockets it accepts. */
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    /** The SDK key the stand-in accepts unless told otherwise. */
    public static final String DEFAULT_SDK_KEY = "sdk-stand-in";
    /** The API access token with the {@code writer} role the stand-in accepts unless told otherwise. */
    public static final String DEFAULT_WRITER_API_TOKEN = "api-stand-in-writer";
    /** The API access token with the {@code reader} role the stand-in accepts unless told otherwise. */
    public static final String DEFAULT_READER_API_TOKEN = "api-stand-in-reader";

    private static final System.Logger LOG = System.getLogger(LaunchDarklyStandIn.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String sdkKey;
    private final String writerApiToken;
    private final String readerApiToken;
    private final FlagFile flagFile;
    private final String initialFlagData;
    private final boolean watchFlagsFile;
    private final InetAddress host;
    private final int requestedPort;
    private final boolean logEvents;
    private final EventJournal journal;
    private final Faults faults = new Faults();
    private final MetricsApi metricsApi = new MetricsApi();
    private final FlagStreams streams = new FlagStreams();
    private final FlagVersions versions = new FlagVersions();
    private final Object dataLock = new Object();
    private final AdminRoute admin = new AdminRoute(this);

    private volatile ObjectNode dataSet = FlagFile.emptyDataSet();
    private volatile boolean overridden;
    private HttpServer server;
    private ExecutorService executor;
    private Thread watcher;
    private volatile boolean running;

    private LaunchDarklyStandIn(Builder builder) {
        this.sdkKey = builder.sdkKey;
        this.writerApiToken = builder.writerApiToken;
        this.readerApiToken = builder.readerApiToken;
        this.flagFile = builder.flagsFile == null ? null : new FlagFile(builder.flagsFile);
        this.initialFlagData = builder.flagData;
        this.watchFlagsFile = builder.watchFlagsFile;
        this.host = builder.host;
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
     * @throws IllegalArgumentException when the flag data is invalid
     * @throws IllegalStateException when the port cannot be bound
     */
    public synchronized LaunchDarklyStandIn start() {
        if (running) {
            return this;
        }
        ObjectNode initial = baseData();
        versions.stamp(initial, dataSet);
        dataSet = initial;
        // The JDK server writes an answer's headers and body apart: with Nagle's algorithm on its socket and the
        // client's delayed acknowledgement, every answer would wait about 40 ms. Read once per JVM, so only when unset.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, requestedPort), 0);
        } catch (IOException e) {
            throw new IllegalStateException("The LaunchDarkly stand-in cannot listen on " + host.getHostAddress() + ":"
                    + requestedPort + ": " + e.getMessage(), e);
        }
        executor = Executors.newCachedThreadPool(daemonThreads("launchdarkly-stand-in-"));
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
        running = true;
        if (watchFlagsFile && flagFile != null) {
            watch(flagFile.path());
        }
        LOG.log(Level.DEBUG, () -> "LaunchDarkly stand-in listening on " + baseUri());
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

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return running;
    }

    /** The base URI that the SDK's streaming, polling and events endpoints and the REST API base URL point at. */
    public URI baseUri() {
        if (!running) {
            throw new IllegalStateException("The LaunchDarkly stand-in is not running");
        }
        String address = host.getHostAddress();
        String hostPart = address.contains(":") ? "[" + address + "]" : address;
        return URI.create("http://" + hostPart + ":" + server.getAddress().getPort());
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

    /** The flag data file, when there is one. */
    public Optional<Path> flagsFile() {
        return flagFile == null ? Optional.empty() : Optional.of(flagFile.path());
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
    public MetricsApi metricsApi() {
        return metricsApi;
    }

    /** Forgets received events, injected faults, metrics and flag overrides. */
    public void reset() {
        journal.clear();
        faults.clear();
        metricsApi.reset();
        if (overridden) {
            useFileFlags();
        }
    }

    /**
     * Replaces the flag data with this data set (same format as the file) until {@link #reset()} or
     * {@link #useFileFlags()}, and pushes it to connected SDKs.
     *
     * @throws IllegalArgumentException when the data cannot be parsed or breaks the format; the current data stays
     */
    public void useFlagData(String yamlOrJson) {
        ObjectNode data = FlagFile.parse(yamlOrJson, "the flag data given to the stand-in");
        overridden = true;
        publish(data);
    }

    /** Sets one flag to always serve this value (a {@code flagValues} entry), keeping the other flags, and pushes it. */
    public void setFlagValue(String flagKey, JsonNode value) {
        Objects.requireNonNull(flagKey, "flagKey");
        synchronized (dataLock) {
            ObjectNode data = dataSet.deepCopy();
            ObjectNode single = FlagFile.singleValueFlag(flagKey, value == null ? JSON.nullNode() : value);
            ((ObjectNode) data.get("flags")).set(flagKey, single);
            overridden = true;
            publish(data);
        }
    }

    /** Drops the data given by {@link #useFlagData} or {@link #setFlagValue} and serves the file again. */
    public void useFileFlags() {
        overridden = false;
        publish(baseData());
    }

    /** Whether the flags served come from {@link #useFlagData} or {@link #setFlagValue} rather than the file. */
    public boolean flagsOverridden() {
        return overridden;
    }

    /** The data set served now: {@code {"flags": {...}, "segments": {...}}}. */
    public ObjectNode flagData() {
        return dataSet.deepCopy();
    }

    /** How many SDK streaming connections are open. */
    public int openStreams() {
        return streams.openCount();
    }

    private ObjectNode baseData() {
        if (flagFile != null) {
            return flagFile.load();
        }
        return initialFlagData == null ? FlagFile.emptyDataSet()
                : FlagFile.parse(initialFlagData, "the flag data given to the stand-in");
    }

    private void publish(ObjectNode data) {
        synchronized (dataLock) {
            versions.stamp(data, dataSet);
            dataSet = data;
            streams.publish(data.toString());
        }
    }

    // ---- HTTP ----

    private void dispatch(HttpExchange exchange) throws IOException {
        boolean metricsRequest = exchange.getRequestURI().getPath().startsWith(MetricsApi.PATH_PREFIX);
        if (metricsRequest) {
            metricsApi.requestStarted();
        }
        try {
            LocalRequest request = read(exchange);
            Faults.Decision decision = request.path().startsWith(AdminRoute.PREFIX)
                    ? Faults.Decision.NONE
                    : faults.decide(request.method(), request.path());
            Optional<Fault> fault = decision.fault();
            if (fault.isPresent()) {
                switch (fault.get().action()) {
                    case DROP_CONNECTION -> {
                        // Closing before any response header makes the JDK server drop the connection.
                        exchange.close();
                        return;
                    }
                    case DELAY -> sleep(fault.get().delayValue());
                    case STATUS -> {
                        write(exchange, faultResponse(fault.get(), decision.refusedUntil()));
                        return;
                    }
                }
            }
            if (request.method().equals("GET") && request.path().equals("/all")) {
                if (!sdkKeyAccepted(request)) {
                    write(exchange, LocalResponse.empty(401));
                    return;
                }
                streams.serve(exchange, dataSet.toString());
                return;
            }
            write(exchange, withRateWindow(route(request), decision.window()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The LaunchDarkly stand-in failed on " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath(), e);
            write(exchange, LocalResponse.json(500, "{\"code\":\"internal_error\",\"message\":\"stand-in failure\"}"));
        } finally {
            exchange.close();
            if (metricsRequest) {
                metricsApi.requestEnded();
            }
        }
    }

    private LocalResponse route(LocalRequest request) {
        String path = request.path();
        if (path.startsWith(MetricsApi.PATH_PREFIX)) {
            return metricsApi.handle(request);
        }
        if (path.startsWith(AdminRoute.PREFIX)) {
            return admin.handle(request);
        }
        return switch (request.method() + " " + path) {
            case "GET /sdk/latest-all" -> sdkKeyAccepted(request) ? LocalResponse.json(200, dataSet.toString())
                    : LocalResponse.empty(401);
            case "POST /bulk" -> receiveEvents(request);
            case "POST /diagnostic" -> receiveDiagnostic(request);
            default -> notFound(request);
        };
    }

    static LocalResponse notFound(LocalRequest request) {
        return LocalResponse.json(404, "{\"code\":\"not_found\",\"message\":\"The LaunchDarkly stand-in has no "
                + request.method() + " " + request.path().replace("\"", "").replace("\\", "") + "\"}");
    }

    private boolean sdkKeyAccepted(LocalRequest request) {
        return sdkKey.equals(request.header("Authorization"));
    }

    private LocalResponse receiveEvents(LocalRequest request) {
        if (!sdkKeyAccepted(request)) {
            journal.recordRejectedPayload();
            LOG.log(Level.WARNING, "The LaunchDarkly stand-in refused an event payload: its SDK key is not the one it"
                    + " expects");
            return LocalResponse.empty(401);
        }
        JsonNode payload = parseJson(request);
        if (payload == null || !payload.isArray()) {
            return LocalResponse.json(400, "{\"message\":\"an event payload is a JSON array\"}");
        }
        List<JsonNode> events = new ArrayList<>(payload.size());
        payload.forEach(events::add);
        journal.recordPayload(events);
        if (logEvents) {
            for (JsonNode event : payload) {
                if ("custom".equals(event.path("kind").asText())) {
                    LOG.log(Level.INFO, "LaunchDarkly stand-in received custom event '" + event.path("key").asText()
                            + "' (context " + describeContext(event.path("context")) + ", value "
                            + (event.has("metricValue") ? event.get("metricValue").toString() : "none") + ", data "
                            + (event.has("data") ? event.get("data").toString() : "none") + ")");
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
        journal.recordDiagnostic(diagnostic == null ? JSON.nullNode() : diagnostic);
        return LocalResponse.empty(202);
    }

    /** {@code kind:key}, or {@code multi(kind:key, ...)} for a multi-kind context. */
    static String describeContext(JsonNode context) {
        if (!context.isObject()) {
            return "none";
        }
        String kind = context.path("kind").asText();
        if ("multi".equals(kind)) {
            List<String> parts = new ArrayList<>();
            context.properties().forEach(field -> {
                if (!field.getKey().equals("kind")) {
                    parts.add(field.getKey() + ":" + field.getValue().path("key").asText());
                }
            });
            return "multi(" + String.join(", ", parts) + ")";
        }
        return kind + ":" + context.path("key").asText();
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

    /** An answer let through by an injected rate limit tells what is left of its window, as LaunchDarkly's do. */
    private static LocalResponse withRateWindow(LocalResponse response, Faults.RateWindow window) {
        if (window == null) {
            return response;
        }
        return response.withHeader("X-Ratelimit-Route-Remaining", Integer.toString(window.remaining()))
                .withHeader("X-Ratelimit-Reset", Long.toString(window.resetAtMillis()));
    }

    /** The answer of a status fault, or of a rate limit's refusal when {@code refusedUntil} (its reset) is set. */
    private static LocalResponse faultResponse(Fault fault, long refusedUntil) {
        String code = refusedUntil > 0 ? "rate_limited" : "injected_fault";
        LocalResponse response = LocalResponse.json(fault.statusCode(), "{\"code\":\"" + code + "\",\"message\":\""
                + "fault injected by the LaunchDarkly stand-in\",\"id\":\"" + UUID.randomUUID() + "\"}");
        Duration retryAfter = fault.retryAfterValue();
        if (retryAfter != null) {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            response = response.withHeader("Retry-After", Long.toString(seconds));
        }
        if (refusedUntil > 0) {
            // A rate limit's refusal, with the headers LaunchDarkly sends
            response = response.withHeader("X-Ratelimit-Reset", Long.toString(refusedUntil))
                    .withHeader("X-Ratelimit-Route-Remaining", "0");
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
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
                FileTime now = modified(file);
                if (!Objects.equals(now, last)) {
                    last = now;
                    reloadFile(file);
                }
            }
        }, "launchdarkly-stand-in-flag-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void reloadFile(Path file) {
        if (overridden) {
            LOG.log(Level.INFO, () -> file + " changed; the flags set through the stand-in's admin API stay until a reset");
            return;
        }
        try {
            publish(flagFile.load());
            LOG.log(Level.INFO, () -> "Reloaded LaunchDarkly flag data from " + file);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "Kept the previous LaunchDarkly flag data: " + e.getMessage());
        }
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
        private String sdkKey = DEFAULT_SDK_KEY;
        private String writerApiToken = DEFAULT_WRITER_API_TOKEN;
        private String readerApiToken = DEFAULT_READER_API_TOKEN;
        private Path flagsFile;
        private String flagData;
        private boolean watchFlagsFile;
        private InetAddress host = InetAddress.getLoopbackAddress();
        private int port;
        private int journalCapacity = 1000;
        private boolean logEvents;

        private Builder() {
        }

        /** The SDK key the SDK endpoints accept ({@value LaunchDarklyStandIn#DEFAULT_SDK_KEY} by default). */
        public Builder sdkKey(String key) {
            this.sdkKey = requireText(key, "sdkKey");
            return this;
        }

        /** The API access token with the {@code writer} role. */
        public Builder writerApiToken(String token) {
            this.writerApiToken = requireText(token, "writerApiToken");
            return this;
        }

        /** The API access token with the {@code reader} role. */
        public Builder readerApiToken(String token) {
            this.readerApiToken = requireText(token, "readerApiToken");
            return this;
        }

        /** The flag data file (YAML or JSON, the SDK's file data format). A missing file means no flags. */
        public Builder flagsFile(Path file) {
            this.flagsFile = file;
            return this;
        }

        /** Flag data given as text, when there is no file. */
        public Builder flagData(String yamlOrJson) {
            this.flagData = yamlOrJson;
            return this;
        }

        /** Pushes changes of the flag data file to connected SDKs, checked every 250 ms. */
        public Builder watchFlagsFile(boolean watch) {
            this.watchFlagsFile = watch;
            return this;
        }

        /** The address to listen on: the loopback address by default. */
        public Builder host(InetAddress address) {
            this.host = Objects.requireNonNull(address, "host");
            return this;
        }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a TCP port: " + port);
            }
            this.port = port;
            return this;
        }

        /** How many events the journal keeps. */
        public Builder journalCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("The journal keeps at least one event, got capacity " + capacity);
            }
            this.journalCapacity = capacity;
            return this;
        }

        /** Logs each received custom event at INFO level. */
        public Builder logEvents(boolean log) {
            this.logEvents = log;
            return this;
        }

        public LaunchDarklyStandIn build() {
            return new LaunchDarklyStandIn(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
