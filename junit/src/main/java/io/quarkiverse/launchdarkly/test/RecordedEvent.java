package io.quarkiverse.launchdarkly.test;

import java.time.Instant;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.LDValueType;

/**
 * One analytics event as the SDK delivered it to the stand-in, exactly as it was on the wire.
 *
 * @param sequence position in the order of arrival, starting at 1 (again after a reset)
 * @param receivedAt when the payload carrying this event arrived
 * @param json the event as sent (numbers become doubles in an {@link LDValue})
 */
public record RecordedEvent(long sequence, Instant receivedAt, LDValue json) {

    static RecordedEvent from(LDValue entry) {
        return new RecordedEvent(entry.get("sequence").longValue(), Instant.parse(entry.get("receivedAt").stringValue()),
                entry.get("event"));
    }

    /** The event kind: {@code custom}, {@code index}, {@code identify}, {@code summary}, {@code feature}, ... */
    public String kind() {
        return json.get("kind").stringValue();
    }

    /** The event key (the metric key of a custom event, the flag key of a feature event), or {@code null}. */
    public String key() {
        return json.get("key").stringValue();
    }

    public boolean isCustom() {
        return "custom".equals(kind());
    }

    /** The context as sent (attributes the configuration marks private are already redacted). */
    public LDValue context() {
        return json.get("context");
    }

    /** The context kind, {@code multi} for a multi-kind context, or {@code null} when the event has no context. */
    public String contextKind() {
        LDValue context = context();
        return context.isNull() ? null : context.get("kind").stringValue();
    }

    /** The context key of a single-kind context, or {@code null}. */
    public String contextKey() {
        return context().get("key").stringValue();
    }

    /** The {@code data} of a custom event, {@link LDValue#ofNull()} when none was sent. */
    public LDValue data() {
        return json.get("data");
    }

    /** The numeric value of a custom event, or {@code null} for a conversion (no value sent). */
    public Double metricValue() {
        LDValue value = json.get("metricValue");
        return value.getType() == LDValueType.NUMBER ? value.doubleValue() : null;
    }

    /** The {@code creationDate} the SDK put on the event (epoch milliseconds). */
    public long creationDate() {
        return json.get("creationDate").longValue();
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + json.toJsonString();
    }
}
