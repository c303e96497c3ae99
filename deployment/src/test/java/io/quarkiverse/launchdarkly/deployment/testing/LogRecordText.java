package io.quarkiverse.launchdarkly.deployment.testing;

import java.util.Arrays;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

/**
 * The full text of a captured log record, for assertions on what a log line says or must never say: the formatted
 * message, the raw parameters (in case the format does not use them all) and the whole cause chain.
 */
public final class LogRecordText {

    private LogRecordText() {
    }

    public static String of(LogRecord record) {
        StringBuilder text = new StringBuilder(
                record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            text.append(' ').append(Arrays.toString(record.getParameters()));
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append(' ').append(t);
        }
        return text.toString();
    }
}
