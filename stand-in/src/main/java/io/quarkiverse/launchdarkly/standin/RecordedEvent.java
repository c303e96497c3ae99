package io.quarkiverse.launchdarkly.standin;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One analytics event as the SDK sent it, parsed from a {@code /bulk} payload.
 *
 * @param sequence position in the order of arrival, starting at 1 (again after a clear)
 * @param receivedAt when the payload carrying this event arrived
 * @param json the event as it was on the wire
 */
public record RecordedEvent(long sequence, Instant receivedAt, JsonNode json) {

    /** The event kind: {@code custom}, {@code index}, {@code identify}, {@code summary}, {@code feature}, ... */
    public String kind() {
        return json.path("kind").asText(null);
    }

    /** The event key (the metric key of a custom event, the flag key of a feature event), or {@code null}. */
    public String key() {
        JsonNode key = json.get("key");
        return key == null || !key.isTextual() ? null : key.asText();
    }

    public boolean isCustom() {
        return "custom".equals(kind());
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + json;
    }
}
