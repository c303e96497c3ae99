package io.quarkiverse.launchdarkly.standin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.standin.http.LocalRequest;
import io.quarkiverse.launchdarkly.standin.http.LocalResponse;
import io.quarkiverse.launchdarkly.standin.http.LocalRoute;
import io.quarkiverse.launchdarkly.standin.metrics.RecordedApiCall;

/**
 * The stand-in's own API under {@value #PREFIX}, for whoever runs beside it rather than inside it: a developer with
 * curl, the Quarkus Dev UI, and the test helpers of {@code quarkus-launchdarkly-junit}. Every answer is JSON.
 * <table>
 * <caption>Routes</caption>
 * <tr>
 * <td>{@code GET /_local/info}</td>
 * <td>keys, tokens, flag file, journal capacity, open streams</td>
 * </tr>
 * <tr>
 * <td>{@code GET /_local/events}</td>
 * <td>the journal; {@code kind}, {@code key} and {@code after} (a sequence)
 * filter the events; {@code wait} (milliseconds, at most 10 s) holds the answer until the journal's total differs
 * from {@code seen} (by default {@code after}), so a reader learns of new events as they come</td>
 * </tr>
 * <tr>
 * <td>{@code DELETE /_local/events}</td>
 * <td>forgets the received events and counts</td>
 * </tr>
 * <tr>
 * <td>{@code POST /_local/reset}</td>
 * <td>forgets events, faults, metrics and flag overrides</td>
 * </tr>
 * <tr>
 * <td>{@code GET /_local/flags}</td>
 * <td>the data set served now, and whether it is the file's</td>
 * </tr>
 * <tr>
 * <td>{@code PUT /_local/flags}</td>
 * <td>serves this data set (file format, YAML or JSON) until a reset</td>
 * </tr>
 * <tr>
 * <td>{@code PUT /_local/flags/{key}}</td>
 * <td>serves this JSON value for one flag, the others unchanged</td>
 * </tr>
 * <tr>
 * <td>{@code DELETE /_local/flags}</td>
 * <td>serves the file again</td>
 * </tr>
 * <tr>
 * <td>{@code GET|POST|DELETE /_local/faults}</td>
 * <td>the armed faults; arm one ({@link Fault#toJson()}); disarm
 * all</td>
 * </tr>
 * <tr>
 * <td>{@code GET /_local/metrics/calls}</td>
 * <td>the metrics REST API requests received (no credentials)</td>
 * </tr>
 * <tr>
 * <td>{@code GET /_local/metrics/call-counts}</td>
 * <td>how many of them per HTTP method since the last reset</td>
 * </tr>
 * <tr>
 * <td>{@code GET /_local/metrics/peak-concurrency}</td>
 * <td>the most of them under way at once since the last reset</td>
 * </tr>
 * <tr>
 * <td>{@code GET /_local/metrics/{project}[/{key}]}</td>
 * <td>the stored metrics as the REST API shows them</td>
 * </tr>
 * <tr>
 * <td>{@code PUT /_local/metrics/{project}}</td>
 * <td>stores a metric as it is, for a test that needs one to
 * exist</td>
 * </tr>
 * </table>
 */
final class AdminRoute implements LocalRoute {

    /** The path prefix of the admin API. */
    static final String PREFIX = "/_local/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_WAIT_MILLIS = 10_000;

    private final LaunchDarklyStandIn standIn;

    AdminRoute(LaunchDarklyStandIn standIn) {
        this.standIn = standIn;
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        String[] segments = request.path().substring(PREFIX.length()).split("/", -1);
        try {
            return switch (segments[0]) {
                case "info" -> only(request, "GET", this::info);
                case "events" -> events(request);
                case "reset" -> only(request, "POST", () -> {
                    standIn.reset();
                    return LocalResponse.empty(204);
                });
                case "flags" -> flags(request, segments);
                case "faults" -> faults(request);
                case "metrics" -> metrics(request, segments);
                default -> LaunchDarklyStandIn.notFound(request);
            };
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "interrupted");
        }
    }

    private LocalResponse info() {
        ObjectNode info = JSON.createObjectNode()
                .put("sdkKey", standIn.sdkKey())
                .put("writerApiToken", standIn.writerApiToken())
                .put("readerApiToken", standIn.readerApiToken())
                .put("journalCapacity", standIn.events().capacity())
                .put("openStreams", standIn.openStreams())
                .put("flagsOverridden", standIn.flagsOverridden());
        standIn.flagsFile().ifPresent(file -> info.put("flagsFile", file.toString()));
        return json(200, info);
    }

    // ---- events ----

    private LocalResponse events(LocalRequest request) throws InterruptedException {
        if (request.method().equals("DELETE")) {
            standIn.events().clear();
            return LocalResponse.empty(204);
        }
        if (!request.method().equals("GET")) {
            return methodNotAllowed(request);
        }
        long after = number(request, "after", 0);
        long wait = Math.min(number(request, "wait", 0), MAX_WAIT_MILLIS);
        EventJournal journal = standIn.events();
        if (wait > 0) {
            journal.awaitTotalOtherThan(number(request, "seen", after), Duration.ofMillis(wait));
        }
        String kind = request.queryParam("kind");
        String key = request.queryParam("key");
        List<RecordedEvent> events = journal.select(event -> event.sequence() > after
                && (kind == null || kind.equals(event.kind())) && (key == null || key.equals(event.key())));
        ObjectNode body = JSON.createObjectNode()
                .put("total", journal.total())
                .put("dropped", journal.dropped())
                .put("payloads", journal.payloads())
                .put("diagnosticPayloads", journal.diagnosticPayloads())
                .put("rejectedPayloads", journal.rejectedPayloads())
                .put("capacity", journal.capacity());
        ObjectNode counts = body.putObject("customEventCounts");
        journal.customEventCounts().forEach(counts::put);
        ArrayNode list = body.putArray("events");
        for (RecordedEvent event : events) {
            list.addObject().put("sequence", event.sequence()).put("receivedAt", event.receivedAt().toString())
                    .set("event", event.json());
        }
        return json(200, body);
    }

    // ---- flags ----

    private LocalResponse flags(LocalRequest request, String[] segments) {
        if (segments.length == 2 && !segments[1].isEmpty()) {
            if (!request.method().equals("PUT")) {
                return methodNotAllowed(request);
            }
            standIn.setFlagValue(segments[1], parse(request.bodyText(), "a flag value"));
            return flagState();
        }
        return switch (request.method()) {
            case "GET" -> flagState();
            case "PUT" -> {
                standIn.useFlagData(request.bodyText());
                yield flagState();
            }
            case "DELETE" -> {
                standIn.useFileFlags();
                yield flagState();
            }
            default -> methodNotAllowed(request);
        };
    }

    private LocalResponse flagState() {
        ObjectNode state = JSON.createObjectNode().put("overridden", standIn.flagsOverridden());
        standIn.flagsFile().ifPresent(file -> state.put("flagsFile", file.toString()));
        state.set("data", standIn.flagData());
        return json(200, state);
    }

    // ---- faults ----

    private LocalResponse faults(LocalRequest request) {
        switch (request.method()) {
            case "POST" -> standIn.faults().inject(fault(parse(request.bodyText(), "a fault")));
            case "DELETE" -> standIn.faults().clear();
            case "GET" -> {
                // answered below
            }
            default -> {
                return methodNotAllowed(request);
            }
        }
        ArrayNode pending = JSON.createArrayNode();
        standIn.faults().pending().forEach(fault -> pending.add(JSON.valueToTree(fault.toJson())));
        return json(200, JSON.createObjectNode().set("faults", pending));
    }

    @SuppressWarnings("unchecked")
    private static Fault fault(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("A fault is a JSON object");
        }
        return Fault.fromJson(JSON.convertValue(json, Map.class));
    }

    // ---- metrics ----

    private LocalResponse metrics(LocalRequest request, String[] segments) {
        if (segments.length == 2 && segments[1].equals("calls")) {
            return only(request, "GET", this::calls);
        }
        if (segments.length == 2 && segments[1].equals("call-counts")) {
            return only(request, "GET", () -> {
                ObjectNode counts = JSON.createObjectNode();
                standIn.metricsApi().callCounts().forEach(counts::put);
                return json(200, counts);
            });
        }
        if (segments.length == 2 && segments[1].equals("peak-concurrency")) {
            return only(request, "GET", () -> json(200,
                    JSON.createObjectNode().put("peak", standIn.metricsApi().peakConcurrentRequests())));
        }
        if (segments.length < 2 || segments[1].isEmpty()) {
            return LaunchDarklyStandIn.notFound(request);
        }
        String project = segments[1];
        if (segments.length == 2) {
            return switch (request.method()) {
                case "GET" -> {
                    ArrayNode items = JSON.createArrayNode();
                    standIn.metricsApi().metrics(project).forEach(items::add);
                    yield json(200, JSON.createObjectNode().set("items", items));
                }
                case "PUT" -> json(200, standIn.metricsApi().put(project, request.bodyText()));
                default -> methodNotAllowed(request);
            };
        }
        if (segments.length == 3 && request.method().equals("GET")) {
            return standIn.metricsApi().metric(project, segments[2]).map(metric -> json(200, metric))
                    .orElseGet(() -> error(404, "no metric '" + segments[2] + "' in project '" + project + "'"));
        }
        return LaunchDarklyStandIn.notFound(request);
    }

    private LocalResponse calls() {
        ArrayNode calls = JSON.createArrayNode();
        for (RecordedApiCall call : standIn.metricsApi().calls()) {
            ObjectNode json = calls.addObject().put("method", call.method()).put("path", call.path())
                    .put("status", call.status()).put("requestBody", call.requestBody())
                    .put("userAgent", call.userAgent()).put("apiVersion", call.apiVersion())
                    .put("contentType", call.contentType());
            ObjectNode query = json.putObject("query");
            for (Map.Entry<String, List<String>> parameter : call.query().entrySet()) {
                ArrayNode values = query.putArray(parameter.getKey());
                parameter.getValue().forEach(values::add);
            }
        }
        return json(200, JSON.createObjectNode().set("calls", calls));
    }

    // ---- helpers ----

    private interface Answer {
        LocalResponse get();
    }

    private static LocalResponse only(LocalRequest request, String method, Answer answer) {
        return request.method().equals(method) ? answer.get() : methodNotAllowed(request);
    }

    private static long number(LocalRequest request, String name, long fallback) {
        String value = request.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number, got '" + value + "'");
        }
    }

    private static JsonNode parse(String text, String what) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("The body must be " + what + " in JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body must be " + what + " in JSON: " + e.getOriginalMessage());
        }
    }

    private static LocalResponse json(int status, JsonNode body) {
        return LocalResponse.json(status, body.toString());
    }

    private static LocalResponse error(int status, String message) {
        return json(status, JSON.createObjectNode().put("code", status == 400 ? "invalid_request" : "error")
                .put("message", message));
    }

    private static LocalResponse methodNotAllowed(LocalRequest request) {
        return error(405, request.method() + " is not allowed on " + request.path());
    }
}
