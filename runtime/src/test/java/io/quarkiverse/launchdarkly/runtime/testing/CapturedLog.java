package io.quarkiverse.launchdarkly.runtime.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records one logger publishes between {@link #of} and {@link #close}, for unit tests that check what was logged
 * and how often. Use it in a try-with-resources block.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    /** Starts capturing what the logger of this class publishes. */
    public static CapturedLog of(Class<?> loggingClass) {
        return new CapturedLog(Logger.getLogger(loggingClass.getName()));
    }

    /** What was published so far. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    /** Stops capturing; the records stay readable. */
    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
