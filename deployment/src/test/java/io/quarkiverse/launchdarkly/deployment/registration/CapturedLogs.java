package io.quarkiverse.launchdarkly.deployment.registration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.quarkiverse.launchdarkly.deployment.testing.LogRecordText;

/** Captures the extension's log records, formatted, while a test runs (in the application's log manager). */
final class CapturedLogs extends Handler {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("io.quarkiverse.launchdarkly");

    void start() {
        messages.clear();
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    void stop() {
        logger.removeHandler(this);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(LogRecordText.of(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
