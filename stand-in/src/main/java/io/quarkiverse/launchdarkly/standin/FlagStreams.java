package io.quarkiverse.launchdarkly.standin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;

/**
 * The open server-sent-event streams of the SDK's streaming data source ({@code GET /all}). Each stream gets the whole
 * data set as a {@code put} event when it opens and again whenever the data changes, which is exactly how the SDK
 * expects a full replacement. Each stream holds one server thread, which is fine for the handful of SDK clients
 * that connect to a stand-in.
 */
final class FlagStreams {

    private static final Duration HEARTBEAT = Duration.ofSeconds(60);
    private static final String CLOSE = "close";

    private final Set<BlockingQueue<String>> open = ConcurrentHashMap.newKeySet();

    /** Serves one stream until the client goes away or the stand-in stops; blocks the calling server thread. */
    void serve(HttpExchange exchange, String initialData) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        open.add(queue);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, putEvent(initialData));
            while (true) {
                String next = queue.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                if (CLOSE.equals(next)) {
                    return;
                }
                // A comment line keeps idle proxies and the SDK's read timeout from cutting the stream.
                write(out, next == null ? ":\n\n" : putEvent(next));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(queue);
            exchange.close();
        }
    }

    /** Sends a new data set to every open stream. */
    void publish(String data) {
        for (BlockingQueue<String> queue : open) {
            queue.add(data);
        }
    }

    /** Ends every open stream. */
    void closeAll() {
        for (BlockingQueue<String> queue : open) {
            queue.add(CLOSE);
        }
    }

    int openCount() {
        return open.size();
    }

    private static String putEvent(String data) {
        return "event: put\ndata: {\"path\":\"/\",\"data\":" + data + "}\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
