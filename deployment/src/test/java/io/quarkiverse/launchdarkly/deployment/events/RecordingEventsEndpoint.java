package io.quarkiverse.launchdarkly.deployment.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.launchdarkly.sdk.ArrayBuilder;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An events endpoint that records the headers of every {@code POST /bulk} and answers the first ones with 503, to see
 * what the delivery puts on the wire across attempts. Everything else answers 404.
 * <p>
 * A {@code QuarkusUnitTest} class is loaded twice, so the server publishes its URI in a system property and serves
 * its records at {@code GET /_records}, readable from either copy.
 */
final class RecordingEventsEndpoint {

    private static final List<LDValue> RECORDS = new ArrayList<>();
    private static HttpServer server;

    private RecordingEventsEndpoint() {
    }

    static synchronized URI start(String name, int failFirst) {
        String property = "quarkus-launchdarkly.test.events-endpoint." + name;
        String existing = System.getProperty(property);
        if (existing != null) {
            return URI.create(existing);
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        AtomicInteger posts = new AtomicInteger();
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange, posts, failFirst);
            }
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        System.setProperty(property, uri.toString());
        return uri;
    }

    private static void handle(HttpExchange exchange, AtomicInteger posts, int failFirst) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET") && path.equals("/_records")) {
            byte[] body;
            synchronized (RECORDS) {
                ArrayBuilder array = LDValue.buildArray();
                RECORDS.forEach(array::add);
                body = array.build().toJsonString().getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        if (!exchange.getRequestMethod().equals("POST") || !path.equals("/bulk")) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        int status = posts.incrementAndGet() <= failFirst ? 503 : 202;
        ObjectBuilder record = LDValue.buildObject().put("status", status);
        exchange.getRequestHeaders().forEach((header, values) -> record.put(header.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        synchronized (RECORDS) {
            RECORDS.add(record.build());
        }
        exchange.sendResponseHeaders(status, -1);
    }

    /** The {@code POST /bulk} requests received, oldest first: {@code status} and each header, names in lower case. */
    static List<LDValue> records(URI baseUri) {
        try {
            String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(baseUri.resolve("/_records")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<LDValue> records = new ArrayList<>();
            LDValue.parse(json).values().forEach(records::add);
            return records;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static synchronized void stop(String name) {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        System.clearProperty("quarkus-launchdarkly.test.events-endpoint." + name);
    }
}
