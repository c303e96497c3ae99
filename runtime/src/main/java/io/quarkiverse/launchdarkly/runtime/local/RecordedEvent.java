package io.quarkiverse.launchdarkly.runtime.local;

import java.time.Instant;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.LDValueType;

/**
 * One analytics event as the SDK sent it to the local stand-in, parsed from the real {@code /bulk} payload.
 *
 * @param sequence position in the order of arrival, starting at 1
 * @param receivedAt when the payload carrying this event arrived
 * @param wireJson the event's JSON text as it was on the wire
 * @param json the same event as an {@link LDValue}, for assertions (numbers become doubles there)
 */
public record RecordedEvent(long sequence, Instant receivedAt, String wireJson, LDValue json) {

    RecordedEvent(long sequence, Instant receivedAt, String wireJson) {
        this(sequence, receivedAt, wireJson, LDValue.parse(wireJson));
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

    /** The evaluation context as sent (attributes the configuration marks private are already redacted). */
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
        return "#" + sequence + " " + wireJson;
    }
}
