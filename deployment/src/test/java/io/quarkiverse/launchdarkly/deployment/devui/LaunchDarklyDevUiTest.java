package io.quarkiverse.launchdarkly.deployment.devui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiFeedbackKind;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiJudgeResult;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusDevModeTest;
import io.vertx.ext.web.Router;

/**
 * Starts an application in dev mode (local mode: no SDK key) and drives the LaunchDarkly Dev UI back end the way the
 * pages do, over the Dev UI JSON-RPC websocket: the client information (which must carry no SDK key or token), the
 * event journal, the live event stream, the card label, the clear action, and the AI generations page (its build-time
 * list of methods and the AI activity counted from the journal).
 */
class LaunchDarklyDevUiTest {

    static final int PORT = freePort();
    static final String NAMESPACE = "quarkus-launchdarkly";
    static final Duration WAIT = Duration.ofSeconds(15);

    /** The AI Config {@link Chat} evaluates, served by the stand-in. */
    static final String FLAGS = """
            flagValues:
              support-chat:
                _ldMeta: { enabled: true, variationKey: "chat-v2", version: 4, mode: completion }
                model: { name: "local-echo" }
                provider: { name: "local" }
                messages:
                  - { role: system, content: "Be brief, {{ldctx.name}}" }
            flags:
              greeting:
                key: greeting
                on: true
                version: 3
                variations: ["Hello", "Bonjour"]
                fallthrough: { variation: 0 }
                offVariation: 1
            """;

    @RegisterExtension
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root
                    .addClasses(TrackingApp.class, Annotated.class, Unused.class, Chat.class, ChatReply.class,
                            ChatReplyExtractor.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"
                            + "quarkus.launchdarkly.events.flush-interval=1h\n"), "application.properties")
                    .addAsResource(new StringAsset(FLAGS), "launchdarkly/flags.yaml"));

    static DevUiJsonRpc rpc;

    @AfterAll
    static void disconnect() {
        if (rpc != null) {
            rpc.close();
        }
    }

    @Test
    void devUiShowsTheClientAndTheEventsOfTheStandIn() throws Exception {
        // QuarkusDevModeTest starts the application before each test, not before @BeforeAll.
        rpc = new DevUiJsonRpc(URI.create("ws://localhost:" + PORT + "/q/dev-ui/json-rpc-ws"));

        // Client page: local mode, the stand-in's address, and no secret anywhere.
        JsonNode client = rpc.call("getClientInfo");
        assertThat(client.path("mode").asText()).isEqualTo("local");
        assertThat(client.path("standIn").path("running").asBoolean()).isTrue();
        assertThat(client.path("standIn").path("baseUri").asText()).startsWith("http://127.0.0.1:");
        // The Dev Service serves the flags file of the sources in dev mode, so that saving it is enough.
        assertThat(client.path("standIn").path("flagsFile").asText()).endsWith("src/main/resources/launchdarkly/flags.yaml");
        assertThat(client.path("dataSource").path("state").asText()).isNotEmpty();
        assertThat(client.path("sdkVersion").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(client.path("extensionName").asText()).isEqualTo("quarkus-launchdarkly");
        assertThat(client.has("counters")).isTrue();
        assertNoSecret(client);

        // Events page, first load: the event tracked at startup arrives in the journal.
        JsonNode events = awaitEvents(view -> customEvent(view, "devui.test") != null, "the devui.test custom event");
        assertThat(events.path("local").asBoolean()).isTrue();
        JsonNode startupEvent = customEvent(events, "devui.test");
        assertThat(startupEvent.path("context").asText()).isEqualTo("user:u1");
        assertThat(startupEvent.path("receivedAt").asLong()).isPositive();
        // The time shown is the event's own creation time, set by the SDK at the call, not the payload's arrival.
        assertThat(startupEvent.path("createdAt").asLong()).isPositive()
                .isLessThanOrEqualTo(startupEvent.path("receivedAt").asLong());
        assertThat(events.path("customEventCounts").path("devui.test").asLong()).isEqualTo(1);
        assertNoSecret(events);
        // Newest first.
        List<Long> sequences = new ArrayList<>();
        events.path("events").forEach(e -> sequences.add(e.path("sequence").asLong()));
        assertThat(sequences).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        // Events page, live: a subscription receives an event tracked afterwards, with its value and data.
        int stream = rpc.subscribe("streamEvents");
        track("devui.stream");
        JsonNode streamed = rpc.nextMatching(stream, e -> "devui.stream".equals(e.path("key").asText()), WAIT);
        assertThat(streamed.path("kind").asText()).isEqualTo("custom");
        assertThat(streamed.path("context").asText()).isEqualTo("user:u2");
        assertThat(streamed.path("value").asText()).isEqualTo("2.5");
        assertThat(streamed.path("data").asText()).contains("\"source\":\"route\"");
        rpc.unsubscribe(stream);

        // Card label.
        int label = rpc.subscribe("streamEventsLabel");
        JsonNode labelText = rpc.nextMatching(label, l -> true, WAIT);
        assertThat(labelText.asText()).matches("\\d+ events?");
        rpc.unsubscribe(label);

        // Tracked metrics page: the annotated method's event is counted per key, and nothing failed.
        HttpResponse<String> annotated = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/devui-test/annotated")).timeout(WAIT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(annotated.statusCode()).isEqualTo(200);
        JsonNode tracking = rpc.call("getTracking");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (tracking.path("receivedByKey").path("devui.annotated").asLong() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            tracking = rpc.call("getTracking");
        }
        assertThat(tracking.path("local").asBoolean()).isTrue();
        assertThat(tracking.path("receivedByKey").path("devui.annotated").asLong()).isEqualTo(1);
        assertThat(tracking.path("notSentByReason").path("NO_CONTEXT").asLong()).isZero();
        assertThat(tracking.path("notSent")).isEmpty();
        assertNoSecret(tracking);
        // A call without a context is listed with its reason, its method and its annotation.
        HttpResponse<String> withoutContext = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/devui-test/no-context")).timeout(WAIT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutContext.statusCode()).isEqualTo(200);
        JsonNode failures = rpc.call("getTracking").path("notSent");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).path("reason").asText()).isEqualTo("NO_CONTEXT");
        assertThat(failures.get(0).path("where").asText()).endsWith("Annotated#work(String) @TrackedMetric");
        assertThat(failures.get(0).path("count").asLong()).isEqualTo(1);
        JsonNode registration = rpc.call("getRegistration");
        assertThat(registration.path("state").asText()).isEqualTo("disabled");
        assertThat(registration.path("problem").asText()).contains("no metric is defined");
        // Nothing to run: the action answers the same state rather than running anything.
        assertThat(rpc.call("runRegistration", Map.of("dryRun", true)).path("state").asText()).isEqualTo("disabled");
        assertNoSecret(registration);

        // Clear: the journal and the per-key counts are empty afterwards.
        JsonNode cleared = rpc.call("clearEvents");
        assertThat(cleared.path("total").asLong()).isZero();
        assertThat(cleared.path("events")).isEmpty();
        assertThat(cleared.path("customEventCounts")).isEmpty();
        JsonNode afterClear = rpc.call("getEvents");
        assertThat(afterClear.path("events")).isEmpty();

        // AI generations page: the annotated method is listed from build-time data...
        // Tracked metrics page: the keys of kept beans, not those of a bean Quarkus removed.
        assertThat(buildTimeData()).contains("\"devui.annotated\"").doesNotContain("devui.removed");
        assertThat(buildTimeData()).contains("aiGenerations")
                .contains("LaunchDarklyDevUiTest$Chat#answer(String, String, AiCompletionConfig, AiConfigTracker)")
                .contains("\"configKey\":\"support-chat\"").contains("\"extractor\":\"ChatReplyExtractor\"")
                .contains("\"fallback\":\"canned\"").contains("\"result\":\"value\"");
        // ... and, after one call and its feedback, the journal (cleared above) counts its config's usage and run per
        // variation.
        assertThat(rpc.call("getAiActivity").path("configs")).isEmpty();
        get("/devui-test/ai");
        JsonNode activity = rpc.call("getAiActivity");
        deadline = System.nanoTime() + WAIT.toNanos();
        while (activity.path("configs").path(0).path("totals").path("feedbackPositive").asLong() == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            activity = rpc.call("getAiActivity");
        }
        assertThat(activity.path("local").asBoolean()).isTrue();
        assertThat(activity.path("eventsDropped").asLong()).isZero();
        assertThat(activity.path("configs")).hasSize(1);
        JsonNode chat = activity.path("configs").path(0);
        assertThat(chat.path("configKey").asText()).isEqualTo("support-chat");
        assertThat(chat.path("usage").asLong()).isEqualTo(1);
        JsonNode totals = chat.path("totals");
        assertThat(totals.path("runs").asLong()).isEqualTo(1);
        assertThat(totals.path("success").asLong()).isEqualTo(1);
        assertThat(totals.path("error").asLong()).isZero();
        assertThat(totals.path("totalTokens").asLong()).isEqualTo(42);
        assertThat(totals.path("inputTokens").asLong()).isEqualTo(12);
        assertThat(totals.path("outputTokens").asLong()).isEqualTo(30);
        assertThat(totals.path("toolCalls").asLong()).isEqualTo(1);
        assertThat(totals.path("feedbackPositive").asLong()).isEqualTo(1);
        assertThat(totals.path("feedbackNegative").asLong()).isZero();
        assertThat(totals.path("avgDurationMs").isNumber()).as("average duration of %s", totals).isTrue();
        // Null, which the Dev UI leaves out of the message.
        assertThat(totals.path("avgTimeToFirstTokenMs").isNumber()).as("no stream, no time to first token").isFalse();
        assertThat(totals.path("judgeScores")).hasSize(1);
        assertThat(totals.path("judgeScores").path(0).path("metricKey").asText()).isEqualTo("$ld:ai:judge:relevance");
        assertThat(totals.path("judgeScores").path(0).path("judgeConfigKey").asText()).isEqualTo("relevance-judge");
        assertThat(totals.path("judgeScores").path(0).path("scores").asLong()).isEqualTo(2);
        assertThat(totals.path("judgeScores").path(0).path("average").asDouble()).isEqualTo(0.75);
        assertThat(chat.path("variations")).hasSize(1);
        JsonNode variation = chat.path("variations").path(0);
        assertThat(variation.path("variationKey").asText()).isEqualTo("chat-v2");
        assertThat(variation.path("version").asInt()).isEqualTo(4);
        // The feedback, the newest event, comes from a tracker rebuilt from the token, which knows no model.
        assertThat(variation.path("modelName").asText()).isEqualTo("local-echo");
        assertThat(variation.path("providerName").asText()).isEqualTo("local");
        assertThat(variation.path("figures")).isEqualTo(totals);
        assertNoSecret(activity);

        // Flags page: the stand-in's flags with their variations, the one served by default marked...
        String context = "{\"kind\": \"user\", \"key\": \"u9\", \"name\": \"Ann\"}";
        JsonNode flags = rpc.call("getFlags", Map.of("contextJson", context));
        assertThat(flags.path("local").asBoolean()).isTrue();
        assertThat(flags.path("overridden").asBoolean()).isFalse();
        assertThat(flags.path("flags")).extracting(f -> f.path("key").asText()).containsExactly("greeting", "support-chat");
        JsonNode greeting = flags.path("flags").path(0);
        assertThat(greeting.path("variations")).extracting(JsonNode::asText).containsExactly("\"Hello\"", "\"Bonjour\"");
        assertThat(greeting.path("servedVariation").asInt()).isZero();
        assertThat(greeting.path("version").asInt()).isEqualTo(3);
        assertThat(flags.path("flags").path(1).path("aiConfig").asBoolean()).isTrue();
        assertThat(get("/devui-test/greeting")).isEqualTo("Hello");
        // ... a variation served from the page reaches the application at once, without a restart ...
        JsonNode served = rpc.call("serveVariation", Map.of("flagKey", "greeting", "variation", 1, "contextJson", context));
        assertThat(served.path("overridden").asBoolean()).isTrue();
        awaitGreeting("Bonjour");
        rpc.call("setFlagValue", Map.of("flagKey", "greeting", "valueJson", "\"Hola\"", "contextJson", context));
        awaitGreeting("Hola");
        assertThat(rpc.call("setFlagValue", Map.of("flagKey", "greeting", "valueJson", "not json", "contextJson",
                context)).path("problem").asText()).startsWith("Not a JSON value");
        // ... an evaluation for a typed context shows the value and reason, and an AI Config's interpolated prompt ...
        JsonNode evaluation = rpc.call("evaluate", Map.of("flagKey", "greeting", "contextJson", context));
        assertThat(evaluation.path("value").asText()).isEqualTo("\"Hola\"");
        assertThat(evaluation.path("reason").asText()).contains("FALLTHROUGH");
        JsonNode aiEvaluation = rpc.call("evaluate", Map.of("flagKey", "support-chat", "contextJson", context));
        assertThat(aiEvaluation.path("enabled").asBoolean()).isTrue();
        assertThat(aiEvaluation.path("modelName").asText()).isEqualTo("local-echo");
        assertThat(aiEvaluation.path("prompt")).extracting(JsonNode::asText).containsExactly("system: Be brief, Ann");
        assertThat(rpc.call("evaluate", Map.of("flagKey", "greeting", "contextJson", "{\"kind\": \"user\"}"))
                .path("problem").asText()).isNotBlank();
        // ... and the flags file is served again on request.
        assertThat(rpc.call("useFlagsFile", Map.of("contextJson", context)).path("overridden").asBoolean()).isFalse();
        awaitGreeting("Hello");
        assertNoSecret(flags);

        // Send test event: a numeric custom event through the application's client, flushed at once.
        assertThat(rpc.call("sendTestEvent", Map.of("eventKey", "devui.sent", "contextJson", context, "value", "2.5"))
                .asText()).isEqualTo("Sent devui.sent = 2.5 for u9");
        JsonNode sent = awaitEvents(view -> customEvent(view, "devui.sent") != null, "the test event");
        assertThat(customEvent(sent, "devui.sent").path("value").asText()).isEqualTo("2.5");
        assertThat(rpc.call("sendTestEvent", Map.of("eventKey", "devui.sent", "contextJson", context, "value", "lots"))
                .asText()).startsWith("Not a number");

        // The counters of the client survive a clear of the journal.
        JsonNode clientAfter = rpc.call("getClientInfo");
        assertThat(clientAfter.path("counters").path("customEvents").asLong()).isGreaterThanOrEqualTo(2);
        // The events the stand-in received went through the extension's delivery, which counts them.
        JsonNode delivery = clientAfter.path("delivery");
        assertThat(delivery.path("stopped").asBoolean()).isFalse();
        assertThat(delivery.path("delivered").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(delivery.path("lost").asLong()).isZero();
        assertThat(delivery.path("lostByCause").path("queue-full").isNumber()).isTrue();
        assertNoSecret(clientAfter);
    }

    private static JsonNode awaitEvents(Predicate<JsonNode> condition, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode view;
        do {
            view = rpc.call("getEvents");
            if (condition.test(view)) {
                return view;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return fail("Expected " + what + " within " + WAIT + " but the Dev UI listed " + view);
    }

    private static JsonNode customEvent(JsonNode view, String key) {
        for (JsonNode event : view.path("events")) {
            if ("custom".equals(event.path("kind").asText()) && key.equals(event.path("key").asText())) {
                return event;
            }
        }
        return null;
    }

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(sdk.?key|token|secret|password|api.?key).*");

    /**
     * No field is named like a credential and no text looks like an SDK key or API token. The failure names the field,
     * never the value.
     */
    static void assertNoSecret(JsonNode node) {
        assertNoSecret(node, "$");
    }

    private static void assertNoSecret(JsonNode node, String path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                // A number cannot hold a key or token: totalTokens and the like are counts of model tokens.
                if (SECRET_NAME.matcher(name).matches() && !field.getValue().isNumber() && !field.getValue().isNull()) {
                    fail("The Dev UI sends a field named like a credential: " + path + "." + name);
                }
                assertNoSecret(field.getValue(), path + "." + name);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertNoSecret(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isTextual()) {
            String text = node.asText();
            if (text.startsWith("sdk-") || text.startsWith("api-") || text.contains("sdk-local-")
                    || text.contains("api-local-")) {
                fail("The Dev UI sends something that looks like an SDK key or API token in " + path);
            }
        }
    }

    private static void awaitGreeting(String expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String greeting = get("/devui-test/greeting");
        while (!greeting.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            greeting = get("/devui-test/greeting");
        }
        assertThat(greeting).as("the greeting the application serves").isEqualTo(expected);
    }

    private static void track(String key) throws Exception {
        get("/devui-test/track?key=" + key);
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    /** The module the card's pages import their build-time data from. */
    private static String buildTimeData() throws Exception {
        return get("/q/dev-ui/" + NAMESPACE + "-data.js");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test application: tracks one event at startup, and one per request to {@code /devui-test/track}. */
    @ApplicationScoped
    public static class TrackingApp {

        @Inject
        LDClient client;

        void onStart(@Observes StartupEvent event) {
            client.track("devui.test", LDContext.create("u1"));
            client.flush();
        }

        @Inject
        Annotated annotated;

        @Inject
        Chat chat;

        @Inject
        LaunchDarklyAi ai;

        void routes(@Observes Router router) {
            router.get("/devui-test/annotated").handler(rc -> {
                annotated.work("u3");
                client.flush();
                rc.response().end("tracked");
            });
            router.get("/devui-test/no-context").handler(rc -> {
                annotated.work(null);
                rc.response().end("not tracked");
            });
            router.get("/devui-test/ai").blockingHandler(rc -> {
                ChatReply reply = chat.answer("u4", "Where is my invoice?", null, null);
                // The customer's verdict, given later through the run's resumption token.
                ai.trackFeedback(Chat.LAST_TOKEN.get(), LDContext.create("u4"), AiFeedbackKind.POSITIVE);
                // Two judges' scores of the run, as a judge records them on the graded run.
                AiConfigTracker graded = ai.trackerFromResumptionToken(Chat.LAST_TOKEN.get(), LDContext.create("u4"));
                graded.trackJudgeResult(AiJudgeResult.scored("relevance-judge", "$ld:ai:judge:relevance", 0.5));
                graded.trackJudgeResult(AiJudgeResult.scored("relevance-judge", "$ld:ai:judge:relevance", 1.0));
                client.flush();
                rc.response().end(reply.text());
            });
            router.get("/devui-test/greeting").handler(rc -> rc.response()
                    .end(client.stringVariation("greeting", LDContext.create("u9"), "no flag")));
            router.get("/devui-test/track").handler(rc -> {
                client.trackMetric(rc.request().getParam("key"), LDContext.create("u2"),
                        LDValue.buildObject().put("source", "route").build(), 2.5);
                client.flush();
                rc.response().end("tracked");
            });
        }
    }

    /** A bean with an annotated method, for the tracked metrics page. */
    /** Injected nowhere, so Quarkus removes it: its key is never sent and the page does not list it. */
    @ApplicationScoped
    public static class Unused {

        @TrackedMetric("devui.removed")
        public void never(@LaunchDarklyContext String user) {
        }
    }

    @ApplicationScoped
    public static class Annotated {

        @TrackedMetric("devui.annotated")
        public void work(@LaunchDarklyContext String user) {
        }
    }

    /** A bean calling a (pretend) model with an AI Config, for the AI generations page. */
    @ApplicationScoped
    public static class Chat {

        static final AtomicReference<String> LAST_TOKEN = new AtomicReference<>();

        @AiGeneration(config = "support-chat", fallback = "canned")
        public ChatReply answer(@LaunchDarklyContext String user, String question, AiCompletionConfig config,
                AiConfigTracker tracker) {
            LAST_TOKEN.set(tracker.resumptionToken());
            return new ChatReply("echo: " + question, 12, 30, List.of("lookup_invoice"));
        }

        ChatReply canned(String user, String question, AiCompletionConfig config, AiConfigTracker tracker) {
            return new ChatReply("canned", 0, 0, List.of());
        }
    }

    public record ChatReply(String text, int inputTokens, int outputTokens, List<String> tools) {
    }

    /** Reads the tokens and tool calls of a {@link ChatReply}, as a provider's extractor would. */
    @ApplicationScoped
    public static class ChatReplyExtractor implements AiMetricsExtractor<ChatReply> {

        @Override
        public AiMetrics extract(ChatReply reply) {
            return new AiMetrics(true, AiTokenUsage.of(reply.inputTokens(), reply.outputTokens()), reply.tools());
        }

        @Override
        public Class<ChatReply> responseType() {
            return ChatReply.class;
        }
    }

    /**
     * A small client of the Dev UI JSON-RPC websocket. A request is {@code {"jsonrpc":"2.0","id":n,"method":
     * "<namespace>_<method>","params":{}}}; an answer is {@code {"id":n,"result":{"messageType":...,"object":...}}}
     * or {@code {"id":n,"error":{...}}}. A subscription first answers {@code Void}, then sends
     * {@code SubscriptionMessage}s with the same id until {@code unsubscribe} is sent with that id.
     */
    static final class DevUiJsonRpc implements WebSocket.Listener {

        private final ObjectMapper mapper = new ObjectMapper();
        private final AtomicInteger ids = new AtomicInteger(1000);
        private final Map<Integer, BlockingQueue<JsonNode>> inbox = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        DevUiJsonRpc(URI uri) {
            try {
                socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                        .buildAsync(uri, this).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("Cannot open the Dev UI websocket " + uri, e);
            }
        }

        /** Calls a method and returns its result object. */
        JsonNode call(String method) throws Exception {
            return call(method, Map.of());
        }

        JsonNode call(String method, Map<String, ?> params) throws Exception {
            int id = ids.incrementAndGet();
            ObjectNode request = mapper.createObjectNode().put("jsonrpc", "2.0").put("id", id)
                    .put("method", NAMESPACE + "_" + method);
            request.set("params", mapper.valueToTree(params));
            socket.sendText(request.toString(), true).join();
            JsonNode message = next(id, WAIT);
            assertThat(message.path("result").path("messageType").asText()).as("answer to %s: %s", method, message)
                    .isEqualTo("Response");
            return message.path("result").path("object");
        }

        /** Starts a subscription and returns its id. */
        int subscribe(String method) throws Exception {
            int id = send(NAMESPACE + "_" + method);
            JsonNode message = next(id, WAIT);
            assertThat(message.path("result").path("messageType").asText()).as("answer to %s: %s", method, message)
                    .isEqualTo("Void");
            return id;
        }

        /** The object of the next subscription message that satisfies the condition. */
        JsonNode nextMatching(int id, Predicate<JsonNode> condition, Duration timeout)
                throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                JsonNode message = next(id, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                assertThat(message.path("result").path("messageType").asText()).as("message %s", message)
                        .isEqualTo("SubscriptionMessage");
                JsonNode object = message.path("result").path("object");
                if (condition.test(object)) {
                    return object;
                }
            }
        }

        void unsubscribe(int id) throws Exception {
            send(id, "unsubscribe");
        }

        private int send(String method) {
            int id = ids.incrementAndGet();
            send(id, method);
            return id;
        }

        private void send(int id, String method) {
            ObjectNode request = mapper.createObjectNode()
                    .put("jsonrpc", "2.0")
                    .put("id", id)
                    .put("method", method);
            request.putObject("params");
            socket.sendText(request.toString(), true).join();
        }

        private JsonNode next(int id, Duration timeout) throws InterruptedException {
            JsonNode message = queue(id).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("No Dev UI JSON-RPC message for request " + id + " within " + timeout);
            }
            if (message.has("error")) {
                throw new AssertionError("The Dev UI JSON-RPC request " + id + " failed: " + message);
            }
            return message;
        }

        private BlockingQueue<JsonNode> queue(int id) {
            return inbox.computeIfAbsent(id, k -> new LinkedBlockingQueue<>());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = mapper.readTree(text);
                    if (message.has("id")) {
                        queue(message.get("id").asInt()).add(message);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Unreadable Dev UI message: " + text, e);
                }
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        }
    }
}
