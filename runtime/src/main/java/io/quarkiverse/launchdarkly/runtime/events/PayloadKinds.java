package io.quarkiverse.launchdarkly.runtime.events;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Counts the events of a payload that took a slot of the SDK's buffer on behalf of the application (custom, identify,
 * feature, debug and migration events; not the index and summary events the SDK adds), reading only the {@code kind} of
 * each top-level object.
 */
final class PayloadKinds {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> GATED = Set.of("custom", "identify", "feature", "debug", "migration_op");

    private PayloadKinds() {
    }

    /** The counted events of this payload; 0 when it is not a JSON array of events. */
    static int gatedEvents(byte[] payload) {
        int count = 0;
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return 0;
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("kind".equals(field) && value == JsonToken.VALUE_STRING && GATED.contains(parser.getText())) {
                        count++;
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            return count;
        }
        return count;
    }

    /**
     * The {@code droppedEvents} figure of a diagnostic payload (the SDK reports the events its own buffer dropped only
     * there); 0 when it has none. Read with the streaming parser: a data-binding mapper would load some 300 classes on
     * the thread that starts the application, for one number.
     *
     * @throws IOException when the payload is not JSON
     */
    static int droppedEvents(byte[] diagnostic) throws IOException {
        try (JsonParser parser = JSON.createParser(diagnostic)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("droppedEvents".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    return parser.getIntValue();
                }
                parser.skipChildren();
            }
        }
        return 0;
    }
}
