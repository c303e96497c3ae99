package io.quarkiverse.launchdarkly.standin.metrics;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.launchdarkly.standin.http.LocalRequest;
import io.quarkiverse.launchdarkly.standin.http.LocalResponse;
import io.quarkiverse.launchdarkly.standin.http.LocalRoute;

/**
 * An in-memory imitation of LaunchDarkly's metrics REST API ({@code /api/v2/metrics/...}), so that the extension's
 * REST client can be exercised end to end, status codes and JSON bodies included, without an account.
 * <p>
 * Routes, following LaunchDarkly's OpenAPI document:
 * <ul>
 * <li>{@code GET /api/v2/metrics/{projectKey}}: list, with {@code limit} (default 20, 1 to 50, else 400),
 * {@code offset}, {@code filter} (see {@link MetricFilter}; {@code tags contains [...]} needs <em>all</em> listed
 * tags, as the OpenAPI description says), {@code sort} ({@code createdAt}, {@code name}, optionally prefixed with
 * {@code -}; the two fields the OpenAPI lists; anything else is 400) and {@code expand=experimentCount}. Without
 * {@code sort} metrics come in creation order.</li>
 * <li>{@code POST /api/v2/metrics/{projectKey}}: create, 201. An existing key answers 409 with code
 * {@code optimistic_locking_error}, the code of the OpenAPI's 409 schema ({@code StatusConflictErrorRep}) and of the
 * reference notes for "conflict or existing key".</li>
 * <li>{@code GET}, {@code PATCH} (RFC 6902 JSON Patch, also inside LaunchDarkly's {@code {"comment","patch"}}
 * envelope) and {@code DELETE} (204) on {@code /api/v2/metrics/{projectKey}/{metricKey}}.</li>
 * </ul>
 * Any project key is accepted; each project starts empty. Other methods answer 405, other paths 404.
 * <p>
 * Every request needs an access token registered with {@link #registerToken}, sent raw in {@code Authorization}
 * (a {@code Bearer} prefix makes it a different, unknown token, as with LaunchDarkly): else 401. Reader tokens get 403
 * on writes. {@code LD-API-Version}, when present, must be {@code 20240415} or {@code beta}. Every answer carries the
 * {@code X-Ratelimit-*} headers LaunchDarkly sends, and every error body has {@code code}, {@code message} and
 * {@code id}.
 * <p>
 * Representations have every field the OpenAPI marks required in {@code MetricRep} ({@code _id}, {@code _versionId},
 * {@code key}, {@code name} (the key when none was given), {@code kind}, {@code _links}, {@code tags},
 * {@code _creationDate}, {@code dataSource}) plus {@code _version}, {@code isActive}, {@code lastModified} and
 * {@code _attachedFlagCount}. {@code experimentCount} appears only with {@code expand=experimentCount}, as the
 * OpenAPI describes. {@code analysisUnits} is accepted as another name for {@code randomizationUnits} on writes and
 * both names are answered on reads, since newer API versions use the former.
 * <p>
 * Create bodies, and the result of every patch, are checked by {@link MetricValidator}; unknown fields are rejected
 * (the real API's behaviour is not documented; rejecting surfaces misspelt fields). A patch may not touch the key,
 * any {@code _}-prefixed field, or fields LaunchDarkly computes; every successful patch increases {@code _version}
 * and gives a new {@code _versionId}. An empty patch is rejected, so that a client which sends one is noticed.
 * <p>
 * Tests read what clients sent through {@link #calls()} (the last {@value #CALL_LOG_CAPACITY} requests, without
 * their {@code Authorization} header) and seed state with {@link #put}. Access tokens never appear in a response, an
 * exception message, the call log or {@link #toString()}. The instance is thread-safe.
 */
public final class MetricsApi implements LocalRoute {

    /** The path prefix this handler serves. */
    public static final String PATH_PREFIX = "/api/v2/metrics";

    /** The {@code LD-API-Version} values accepted; absent is accepted too. */
    public static final Set<String> SUPPORTED_API_VERSIONS = Set.of("20240415", "beta");

    /** How many requests the call log keeps. */
    public static final int CALL_LOG_CAPACITY = 200;

    /** The page size of "List metrics" when {@code limit} is absent. */
    public static final int DEFAULT_LIMIT = 20;

    /** The largest {@code limit} "List metrics" accepts. */
    public static final int MAX_LIMIT = 50;

    private static final System.Logger LOG = System.getLogger(MetricsApi.class.getName());

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final String GLOBAL_REMAINING = "9999";
    private static final String ROUTE_REMAINING = "999";
    private static final long RATE_LIMIT_WINDOW_MILLIS = 10_000;
    private static final String JSON_TYPE = "application/json";

    private final Clock clock;
    private final Map<String, ApiRole> tokens = new ConcurrentHashMap<>();
    private final MetricStore store = new MetricStore();
    /** Guarded by itself. */
    private final Deque<RecordedApiCall> calls = new ArrayDeque<>();
    /** Requests answered per HTTP method since the last reset, all of them, where {@link #calls} keeps the last ones. */
    private final Map<String, Long> callCounts = new TreeMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();

    /** A metrics API on the system clock. */
    public MetricsApi() {
        this(Clock.systemUTC());
    }

    /** A metrics API whose timestamps (creation dates, rate-limit resets) come from {@code clock}. */
    public MetricsApi(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- configuration and inspection ----

    /** Accepts {@code token} in {@code Authorization} from now on, with the rights of {@code role}. */
    public void registerToken(String token, ApiRole role) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("An API access token must not be blank");
        }
        tokens.put(token, Objects.requireNonNull(role, "role"));
    }

    /** Stops accepting {@code token}; {@code false} when it was not registered. */
    public boolean revokeToken(String token) {
        return token != null && tokens.remove(token) != null;
    }

    /** Forgets every metric and the call log; registered tokens stay. */
    public void reset() {
        store.clear();
        synchronized (calls) {
            calls.clear();
            callCounts.clear();
        }
        peakInFlight.set(inFlight.get());
    }

    /**
     * Marks the start of a request to this API, before any fault delays it: the server calls it, and
     * {@link #requestEnded()} once the answer is written.
     */
    public void requestStarted() {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    /** Marks the end of a request {@link #requestStarted()} counted. */
    public void requestEnded() {
        inFlight.decrementAndGet();
    }

    /** The most requests to this API under way at the same time since the last reset (a client's concurrency). */
    public int peakConcurrentRequests() {
        return peakInFlight.get();
    }

    /** The metrics of a project as "Get metric" would answer them, in creation order. */
    public List<ObjectNode> metrics(String projectKey) {
        List<ObjectNode> metrics = new ArrayList<>();
        for (ObjectNode stored : store.list(projectKey)) {
            metrics.add(present(stored, projectKey, Set.of()));
        }
        return metrics;
    }

    /** One metric as "Get metric" would answer it. */
    public Optional<ObjectNode> metric(String projectKey, String metricKey) {
        return store.get(projectKey, metricKey).map(stored -> present(stored, projectKey, Set.of()));
    }

    /**
     * Stores a metric directly, replacing one with the same key, for tests that need a metric which already exists
     * (for example one with a managed tag, or one created in the LaunchDarkly UI with fields a client does not know).
     * Only the key and kind are checked; read-only fields given ({@code _id}, {@code _version}, ...) are kept, the
     * missing ones are filled as on create.
     *
     * @param metricJson a metric body or representation, as JSON text
     * @return the metric as "Get metric" would answer it
     */
    public ObjectNode put(String projectKey, String metricJson) {
        JsonNode metric;
        try {
            metric = JSON.readTree(metricJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The metric is not valid JSON: " + e.getOriginalMessage());
        }
        return put(projectKey, metric);
    }

    /**
     * Stores a metric directly; see {@link #put(String, String)}.
     *
     * @return the metric as "Get metric" would answer it
     */
    public ObjectNode put(String projectKey, JsonNode metric) {
        if (projectKey == null || projectKey.isBlank()) {
            throw new IllegalArgumentException("The project key must not be blank");
        }
        if (metric == null || !metric.isObject()) {
            throw new IllegalArgumentException("A metric must be a JSON object");
        }
        ObjectNode rep = ((ObjectNode) metric).deepCopy();
        MetricValidator.dropNulls(rep);
        try {
            MetricValidator.mergeAnalysisUnitsAlias(rep);
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String key = rep.path("key").asText(null);
        if (!MetricValidator.isValidKey(key)) {
            throw new IllegalArgumentException("A metric needs a key of letters, numbers, '.', '_' or '-'");
        }
        if (!MetricValidator.KINDS.contains(rep.path("kind").asText())) {
            throw new IllegalArgumentException("A metric needs a kind: custom, pageview or click");
        }
        long now = clock.millis();
        Optional<ObjectNode> existing = store.get(projectKey, key);
        putIfMissing(rep, "_id", () -> rep.put("_id", newId()));
        putIfMissing(rep, "_versionId", () -> rep.put("_versionId", newVersionId()));
        putIfMissing(rep, "_version",
                () -> rep.put("_version", existing.map(old -> old.path("_version").asLong(0) + 1).orElse(1L)));
        putIfMissing(rep, "_creationDate",
                () -> rep.put("_creationDate", existing.map(old -> old.path("_creationDate").asLong(now)).orElse(now)));
        putIfMissing(rep, "isActive", () -> rep.put("isActive", true));
        putIfMissing(rep, "lastModified", () -> rep.set("lastModified", modification(now)));
        putIfMissing(rep, "_attachedFlagCount", () -> rep.put("_attachedFlagCount", 0));
        rep.set("_links", links(projectKey, key));
        fillDefaults(rep);
        store.put(projectKey, key, rep);
        return present(rep, projectKey, Set.of());
    }

    /** The last requests, oldest first, at most {@value #CALL_LOG_CAPACITY}. */
    public List<RecordedApiCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** How many requests were answered per HTTP method since the last reset, however many that is. */
    public Map<String, Long> callCounts() {
        synchronized (calls) {
            return Map.copyOf(callCounts);
        }
    }

    /** The most recent request, if any. */
    public Optional<RecordedApiCall> lastCall() {
        synchronized (calls) {
            return Optional.ofNullable(calls.peekLast());
        }
    }

    @Override
    public String toString() {
        // Deliberately without tokens: this may end up in logs and assertion messages.
        return "MetricsApi[metrics=" + store.size() + ", registeredTokens=" + tokens.size() + ", recordedCalls="
                + calls().size() + "]";
    }

    // ---- HTTP ----

    @Override
    public LocalResponse handle(LocalRequest request) {
        String requestId = UUID.randomUUID().toString();
        LocalResponse response;
        try {
            response = route(request);
        } catch (ApiError e) {
            response = error(e, requestId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING,
                    "The stand-in's metrics API failed on " + request.method() + " " + request.path(), e);
            response = error(new ApiError(500, "internal_server_error", "The local metrics API failed unexpectedly"),
                    requestId);
        }
        long reset = clock.millis() + RATE_LIMIT_WINDOW_MILLIS;
        response = response.withHeader("X-Ratelimit-Global-Remaining", GLOBAL_REMAINING)
                .withHeader("X-Ratelimit-Route-Remaining", ROUTE_REMAINING)
                .withHeader("X-Ratelimit-Reset", Long.toString(reset));
        record(request, response.status());
        return response;
    }

    private LocalResponse route(LocalRequest request) {
        String token = header(request, "Authorization");
        ApiRole role = token == null || token.isEmpty() ? null : tokens.get(token);
        if (role == null) {
            throw ApiError.unauthorized();
        }
        String version = header(request, "LD-API-Version");
        if (version != null && !SUPPORTED_API_VERSIONS.contains(version)) {
            // The value is not echoed: whatever a client put there is none of the answer's business.
            throw ApiError.invalid("Unsupported LD-API-Version header: send 20240415 (the current version) or beta");
        }
        String path = request.path() == null ? "" : request.path();
        String rest = path.startsWith(PATH_PREFIX) ? path.substring(PATH_PREFIX.length()) : "";
        if (!rest.startsWith("/")) {
            throw unknownPath();
        }
        String[] segments = rest.substring(1).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw unknownPath();
            }
        }
        String method = request.method() == null ? "" : request.method().toUpperCase(Locale.ROOT);
        if (segments.length == 1) {
            String project = segments[0];
            return switch (method) {
                case "GET" -> list(request, project);
                case "POST" -> {
                    requireWriter(role);
                    yield create(request, project);
                }
                default -> throw ApiError.methodNotAllowed(method, "GET, POST");
            };
        }
        if (segments.length == 2) {
            String project = segments[0];
            String key = segments[1];
            return switch (method) {
                case "GET" -> get(request, project, key);
                case "PATCH" -> {
                    requireWriter(role);
                    yield patch(request, project, key);
                }
                case "DELETE" -> {
                    requireWriter(role);
                    yield delete(project, key);
                }
                default -> throw ApiError.methodNotAllowed(method, "GET, PATCH, DELETE");
            };
        }
        throw unknownPath();
    }

    private static void requireWriter(ApiRole role) {
        if (!role.mayWrite()) {
            throw ApiError.forbidden("Forbidden. Access to the requested resource was denied: "
                    + "the access token's role does not allow creating, updating or deleting metrics");
        }
    }

    private static ApiError unknownPath() {
        return ApiError.notFound("Invalid resource identifier: unknown path under " + PATH_PREFIX);
    }

    private static ApiError unknownMetric(String project, String key) {
        return ApiError.notFound("Invalid resource identifier: no metric '" + key + "' in project '" + project + "'");
    }

    // ---- list ----

    private LocalResponse list(LocalRequest request, String project) {
        int limit = intParam(request, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiError.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        int offset = intParam(request, "offset", 0);
        if (offset < 0) {
            throw ApiError.invalid("offset must not be negative");
        }
        MetricFilter filter = MetricFilter.parse(request.queryParam("filter"));
        Comparator<ObjectNode> order = order(request.queryParam("sort"));
        Set<String> expand = expand(request);

        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode metric : store.list(project)) {
            if (filter.matches(metric)) {
                matching.add(metric);
            }
        }
        if (order != null) {
            matching.sort(order);
        }
        int total = matching.size();
        ArrayNode items = JSON.createArrayNode();
        for (int i = offset; i < total && i < offset + limit; i++) {
            items.add(present(matching.get(i), project, expand));
        }

        ObjectNode links = JSON.createObjectNode();
        links.set("self", link(pageHref(request, project, limit, offset)));
        links.set("first", link(pageHref(request, project, limit, 0)));
        links.set("last", link(pageHref(request, project, limit, total == 0 ? 0 : (total - 1) / limit * limit)));
        if (offset + limit < total) {
            links.set("next", link(pageHref(request, project, limit, offset + limit)));
        }
        if (offset > 0) {
            links.set("prev", link(pageHref(request, project, limit, Math.max(0, offset - limit))));
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("items", items);
        body.put("totalCount", total);
        body.set("_links", links);
        return json(200, body);
    }

    private static int intParam(LocalRequest request, String name, int fallback) {
        String value = request.query() == null ? null : request.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name + " must be an integer");
        }
    }

    private static Comparator<ObjectNode> order(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        Comparator<ObjectNode> ascending = switch (field) {
            case "createdAt" -> Comparator.comparingLong(metric -> metric.path("_creationDate").asLong());
            case "name" -> Comparator.comparing((ObjectNode metric) -> metric.path("name").asText(""),
                    String.CASE_INSENSITIVE_ORDER);
            default -> throw ApiError.invalid("sort must be createdAt or name, optionally prefixed with '-'");
        };
        return descending ? ascending.reversed() : ascending;
    }

    private static Set<String> expand(LocalRequest request) {
        String expand = request.query() == null ? null : request.queryParam("expand");
        Set<String> fields = new LinkedHashSet<>();
        if (expand != null) {
            for (String field : expand.split(",")) {
                if (!field.isBlank()) {
                    fields.add(field.trim());
                }
            }
        }
        return fields;
    }

    /** The href of a page, keeping the filter, sort and expand of the request so that a client can follow it. */
    private static String pageHref(LocalRequest request, String project, int limit, int offset) {
        StringBuilder href = new StringBuilder(PATH_PREFIX).append('/').append(encode(project))
                .append("?limit=").append(limit).append("&offset=").append(offset);
        for (String name : List.of("filter", "sort", "expand")) {
            String value = request.query() == null ? null : request.queryParam(name);
            if (value != null) {
                href.append('&').append(name).append('=').append(encode(value));
            }
        }
        return href.toString();
    }

    // ---- create, get, patch, delete ----

    private LocalResponse create(LocalRequest request, String project) {
        JsonNode parsed = parseBody(request);
        if (!parsed.isObject()) {
            throw ApiError.invalid("Request body must be a JSON object");
        }
        ObjectNode body = (ObjectNode) parsed;
        MetricValidator.dropNulls(body);
        MetricValidator.mergeAnalysisUnitsAlias(body);
        MetricValidator.validate(body, Set.of());
        String key = body.get("key").asText();
        long now = clock.millis();

        ObjectNode rep = JSON.createObjectNode();
        rep.put("_id", newId());
        rep.put("_versionId", newVersionId());
        rep.put("_version", 1);
        rep.put("_creationDate", now);
        rep.set("_links", links(project, key));
        rep.put("_attachedFlagCount", 0);
        rep.setAll(body);
        rep.put("isActive", true);
        rep.set("lastModified", modification(now));
        fillDefaults(rep);

        if (!store.insert(project, key, rep)) {
            throw ApiError.conflict("A metric with key '" + key + "' already exists in project '" + project + "'");
        }
        return json(201, present(rep, project, Set.of()));
    }

    private LocalResponse get(LocalRequest request, String project, String key) {
        ObjectNode metric = store.get(project, key).orElseThrow(() -> unknownMetric(project, key));
        String versionId = request.query() == null ? null : request.queryParam("versionId");
        if (versionId != null && !versionId.equals(metric.path("_versionId").asText())) {
            // Only the current version is kept.
            throw ApiError.notFound("Invalid resource identifier: no version '" + versionId + "' of metric '" + key + "'");
        }
        return json(200, present(metric, project, expand(request)));
    }

    private LocalResponse patch(LocalRequest request, String project, String key) {
        // An absent metric answers 404 whatever the body, as a service that loads the resource first does.
        if (store.get(project, key).isEmpty()) {
            throw unknownMetric(project, key);
        }
        String contentType = header(request, "Content-Type");
        if (contentType != null && contentType.contains("domain-model=launchdarkly.semanticpatch")) {
            throw ApiError.invalid("Metrics do not support semantic patch; send a JSON Patch array");
        }
        JsonNode body = parseBody(request);
        JsonNode patch = body;
        if (body.isObject()) {
            // LaunchDarkly's documented envelope for a JSON Patch with a comment.
            if (body.has("patch")) {
                JsonNode comment = body.get("comment");
                if (comment != null && !comment.isTextual() && !comment.isNull()) {
                    throw ApiError.invalid("comment must be a string");
                }
                patch = body.get("patch");
            } else if (body.has("instructions")) {
                throw ApiError.invalid("Metrics do not support semantic patch; send a JSON Patch array");
            } else if (body.has("merge")) {
                throw ApiError.invalid("Metrics do not support JSON merge patch; send a JSON Patch array");
            }
        }
        List<JsonPatch.Operation> operations;
        try {
            operations = JsonPatch.parse(patch);
        } catch (JsonPatchException e) {
            throw ApiError.invalid(e.getMessage());
        }
        if (operations.isEmpty()) {
            throw ApiError.invalid("The patch must contain at least one operation");
        }
        List<JsonPatch.Operation> writable = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            writable.add(checkWritable(aliasToStorageName(operations.get(i)), i));
        }
        ObjectNode updated = store.update(project, key, current -> applyPatch(current, writable))
                .orElseThrow(() -> unknownMetric(project, key));
        return json(200, present(updated, project, Set.of()));
    }

    private ObjectNode applyPatch(ObjectNode current, List<JsonPatch.Operation> operations) {
        JsonNode patched;
        try {
            patched = JsonPatch.apply(current, operations);
        } catch (JsonPatchException e) {
            throw ApiError.invalid(e.getMessage());
        }
        if (!patched.isObject()) {
            throw ApiError.invalid("The patch must leave the metric a JSON object");
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode readOnly = JSON.createObjectNode();
        Set<String> tolerated = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> field : current.properties()) {
            if (MetricValidator.isReadOnly(field.getKey()) && !field.getKey().equals("key")) {
                readOnly.set(field.getKey(), field.getValue());
            } else if (!MetricValidator.WRITABLE_FIELDS.contains(field.getKey())) {
                tolerated.add(field.getKey());
            }
        }
        for (Map.Entry<String, JsonNode> field : patched.properties()) {
            if (!MetricValidator.isReadOnly(field.getKey()) || field.getKey().equals("key")) {
                body.set(field.getKey(), field.getValue());
            }
        }
        MetricValidator.dropNulls(body);
        MetricValidator.mergeAnalysisUnitsAlias(body);
        MetricValidator.validate(body, tolerated);

        long now = clock.millis();
        ObjectNode next = JSON.createObjectNode();
        next.setAll(readOnly);
        next.setAll(body);
        next.put("_version", current.path("_version").asLong(0) + 1);
        next.put("_versionId", newVersionId());
        next.set("lastModified", modification(now));
        fillDefaults(next);
        return next;
    }

    /** Patches may use the newer name {@code analysisUnits}; storage only knows {@code randomizationUnits}. */
    private static JsonPatch.Operation aliasToStorageName(JsonPatch.Operation operation) {
        return new JsonPatch.Operation(operation.op(), storageName(operation.pathTokens()),
                operation.from() == null ? null : storageName(operation.fromTokens()), operation.value());
    }

    private static String storageName(List<String> tokens) {
        if (!tokens.isEmpty() && tokens.get(0).equals(MetricValidator.ANALYSIS_UNITS)) {
            List<String> renamed = new ArrayList<>(tokens);
            renamed.set(0, MetricValidator.RANDOMIZATION_UNITS);
            return JsonPatch.formatPointer(renamed);
        }
        return JsonPatch.formatPointer(tokens);
    }

    /** Rejects operations that would write a field LaunchDarkly does not let clients write. {@code test} only reads. */
    private static JsonPatch.Operation checkWritable(JsonPatch.Operation operation, int index) {
        if (operation.op().equals("test")) {
            return operation;
        }
        String where = "Patch operation " + index + " (" + operation.op() + " " + operation.path() + ")";
        if (operation.pathTokens().isEmpty()) {
            throw ApiError.invalid(where + ": path must name a field; the whole metric cannot be replaced");
        }
        checkWritable(operation.pathTokens(), where);
        if (operation.op().equals("move")) {
            if (operation.fromTokens().isEmpty()) {
                throw ApiError.invalid(where + ": from must name a field");
            }
            checkWritable(operation.fromTokens(), where);
        }
        return operation;
    }

    private static void checkWritable(List<String> tokens, String where) {
        String field = tokens.get(0);
        if (MetricValidator.isReadOnly(field) || tokens.stream().anyMatch(token -> token.startsWith("_"))) {
            throw ApiError.invalid(where + ": '" + JsonPatch.formatPointer(tokens) + "' is read-only");
        }
    }

    private LocalResponse delete(String project, String key) {
        if (!store.remove(project, key)) {
            throw unknownMetric(project, key);
        }
        return LocalResponse.empty(204);
    }

    // ---- representations ----

    /** A stored metric as the API answers it: both names of the analysis units, and expanded fields on request. */
    private static ObjectNode present(ObjectNode stored, String project, Set<String> expand) {
        ObjectNode rep = stored.deepCopy();
        JsonNode units = rep.get(MetricValidator.RANDOMIZATION_UNITS);
        if (units != null) {
            rep.set(MetricValidator.ANALYSIS_UNITS, units.deepCopy());
        }
        if (expand.contains("experimentCount")) {
            rep.put("experimentCount", 0);
        }
        if (expand.contains("metricGroupCount")) {
            rep.put("metricGroupCount", 0);
        }
        if (expand.contains("metricGroups")) {
            rep.set("metricGroups", JSON.createArrayNode());
        }
        return rep;
    }

    /** Defaults for the fields {@code MetricRep} requires but {@code MetricPost} leaves optional. */
    private static void fillDefaults(ObjectNode rep) {
        if (!rep.hasNonNull("name")) {
            rep.put("name", rep.path("key").asText());
        }
        if (!rep.hasNonNull("tags")) {
            rep.set("tags", JSON.createArrayNode());
        }
        if (!rep.hasNonNull("isNumeric")) {
            rep.put("isNumeric", false);
        }
        if (!rep.hasNonNull("dataSource")) {
            // Metrics fed by LaunchDarkly SDK events; the real service names its built-in source likewise.
            ObjectNode dataSource = rep.putObject("dataSource");
            dataSource.put("key", "launchdarkly");
            dataSource.put("_name", "LaunchDarkly");
        }
    }

    private static ObjectNode links(String project, String key) {
        ObjectNode links = JSON.createObjectNode();
        links.set("parent", link(PATH_PREFIX + "/" + encode(project)));
        links.set("self", link(PATH_PREFIX + "/" + encode(project) + "/" + encode(key)));
        return links;
    }

    private static ObjectNode link(String href) {
        ObjectNode link = JSON.createObjectNode();
        link.put("href", href);
        link.put("type", JSON_TYPE);
        return link;
    }

    private static ObjectNode modification(long millis) {
        ObjectNode modification = JSON.createObjectNode();
        modification.put("date", Instant.ofEpochMilli(millis).toString());
        return modification;
    }

    private static void putIfMissing(ObjectNode rep, String field, Runnable put) {
        if (!rep.hasNonNull(field)) {
            put.run();
        }
    }

    /** A 24-hex-digit identifier, the shape of LaunchDarkly's (MongoDB) ids. */
    private static String newId() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String newVersionId() {
        return UUID.randomUUID().toString();
    }

    // ---- plumbing ----

    private static JsonNode parseBody(LocalRequest request) {
        byte[] body = request.body();
        if (body == null || body.length == 0) {
            throw ApiError.invalid("Request body is required");
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw ApiError.invalid("Request body is not valid JSON");
        }
    }

    private static LocalResponse json(int status, JsonNode body) {
        try {
            return LocalResponse.json(status, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON tree", e);
        }
    }

    private static LocalResponse error(ApiError error, String requestId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", error.code());
        body.put("message", error.getMessage());
        body.put("id", requestId);
        LocalResponse response = json(error.status(), body);
        for (Map.Entry<String, String> header : error.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    private void record(LocalRequest request, int status) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (request.query() != null) {
            request.query().forEach((name, values) -> {
                if (name != null) {
                    query.put(name, values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values)));
                }
            });
        }
        String body = request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8);
        RecordedApiCall call = new RecordedApiCall(request.method(), request.path(), query, status, body,
                header(request, "User-Agent"), header(request, "LD-API-Version"), header(request, "Content-Type"));
        synchronized (calls) {
            callCounts.merge(call.method(), 1L, Long::sum);
            calls.addLast(call);
            while (calls.size() > CALL_LOG_CAPACITY) {
                calls.removeFirst();
            }
        }
    }

    private static String header(LocalRequest request, String name) {
        return request.headers() == null ? null : request.header(name);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
