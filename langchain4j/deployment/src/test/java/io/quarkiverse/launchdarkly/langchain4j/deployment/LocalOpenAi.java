package io.quarkiverse.launchdarkly.langchain4j.deployment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A deterministic OpenAI-compatible chat completions endpoint on localhost, recording every request body (with its
 * {@code Authorization} header as {@code _authorization}). What it
 * answers depends on the last user message:
 * <ul>
 * <li>containing {@code explode}: HTTP 500;</li>
 * <li>a request for a JSON schema response (a judge): {@code {"score": 0.75, "reasoning": "On topic"}};</li>
 * <li>containing {@code weather}: a call of the {@code weather} tool for Paris, then for Rome once a tool result is
 * in the request, then (two tool results) the answer {@code "Sunny in Paris and Rome"};</li>
 * <li>otherwise {@code "Answer to: <message>"}, or that text in two chunks when the request streams.</li>
 * </ul>
 * Started once per JVM, shared by the test classes. Every completion reports 10 prompt and 5 completion tokens (a stream
 * reports them in its last chunk).
 */
public final class LocalOpenAi {

    static final int PROMPT_TOKENS = 10;
    static final int COMPLETION_TOKENS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the server of this JVM listens: QuarkusUnitTest loads the test class twice, the server starts once. */
    private static final String URL_PROPERTY = "test.local-openai.url";

    private final String baseUrl;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private LocalOpenAi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The server of this JVM, started by the first caller. */
    public static synchronized LocalOpenAi shared() {
        String url = System.getProperty(URL_PROPERTY);
        if (url != null) {
            return new LocalOpenAi(url);
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            LocalOpenAi local = new LocalOpenAi("http://localhost:" + server.getAddress().getPort() + "/v1");
            server.createContext("/v1/chat/completions", local::handle);
            server.createContext("/v1/recorded", local::recorded);
            server.start();
            System.setProperty(URL_PROPERTY, local.baseUrl);
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The request bodies received since the last {@link #clear()}, oldest first. */
    public List<JsonNode> requests() {
        try {
            List<JsonNode> list = new ArrayList<>();
            JSON.readTree(get("GET")).forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void clear() {
        get("DELETE");
    }

    private String get(String method) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/recorded"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void recorded(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("DELETE")) {
            requests.clear();
        }
        send(exchange, 200, "application/json", JSON.writeValueAsString(requests));
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        // Which configured model sent it: each has its own API key.
        ((ObjectNode) request).put("_authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        requests.add(request);
        String question = "";
        int toolResults = 0;
        for (JsonNode message : request.get("messages")) {
            String role = message.path("role").asText();
            if (role.equals("user")) {
                question = message.path("content").isTextual() ? message.path("content").asText()
                        : message.path("content").toString();
            } else if (role.equals("tool")) {
                toolResults++;
            }
        }
        if (question.contains("explode")) {
            send(exchange, 500, "application/json", "{\"error\":{\"message\":\"the local model exploded\"}}");
            return;
        }
        String usage = "{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"completion_tokens\":" + COMPLETION_TOKENS
                + ",\"total_tokens\":" + (PROMPT_TOKENS + COMPLETION_TOKENS) + "}";
        if (request.path("response_format").path("type").asText().equals("json_schema")) {
            String verdict = quote("{\"score\":0.75,\"reasoning\":\"On topic\"}");
            send(exchange, 200, "application/json", "{\"id\":\"j1\",\"object\":\"chat.completion\",\"created\":1,"
                    + "\"model\":\"local\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                    + verdict + "},\"finish_reason\":\"stop\"}],\"usage\":" + usage + "}");
            return;
        }
        if (request.path("stream").asBoolean(false)) {
            String text = "Answer to: " + question;
            int half = text.length() / 2;
            StringBuilder sse = new StringBuilder();
            sse.append(chunk("{\"role\":\"assistant\",\"content\":" + quote(text.substring(0, half)) + "}", null));
            sse.append(chunk("{\"content\":" + quote(text.substring(half)) + "}", null));
            sse.append(chunk("{}", "stop"));
            sse.append("data: {\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"local\","
                    + "\"choices\":[],\"usage\":" + usage + "}\n\n");
            sse.append("data: [DONE]\n\n");
            send(exchange, 200, "text/event-stream", sse.toString());
            return;
        }
        String message;
        String finish;
        if (question.contains("weather") && toolResults < 2) {
            String city = toolResults == 0 ? "Paris" : "Rome";
            message = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_" + toolResults
                    + "\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":"
                    + quote("{\"city\":\"" + city + "\"}") + "}}]}";
            finish = "tool_calls";
        } else {
            String text = question.contains("weather") ? "Sunny in Paris and Rome" : "Answer to: " + question;
            message = "{\"role\":\"assistant\",\"content\":" + quote(text) + "}";
            finish = "stop";
        }
        send(exchange, 200, "application/json", "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,"
                + "\"model\":\"local\",\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\""
                + finish + "\"}],\"usage\":" + usage + "}");
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"local\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}\n\n";
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
