package io.quarkiverse.launchdarkly.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.LDValueType;
import com.launchdarkly.sdk.ObjectBuilder;

import io.quarkiverse.launchdarkly.fault.Fault;

/**
 * The faults the stand-in injects, built as {@link Fault}s. Faults are matched in the order they were armed; each is
 * used up after its count.
 */
public final class Faults {

    private final StandInHttp http;

    Faults(StandInHttp http) {
        this.http = http;
    }

    /** Arms a fault; it applies to the next matching requests. */
    public Faults inject(Fault fault) {
        http.send("POST", "/_local/faults", toJson(fault).toJsonString());
        return this;
    }

    /** Disarms every fault. */
    public void clear() {
        http.send("DELETE", "/_local/faults", null);
    }

    /** The faults still armed, with their remaining counts and, for a rate limit, the requests it refused. */
    public List<Fault> pending() {
        List<Fault> pending = new ArrayList<>();
        for (LDValue fault : http.get("/_local/faults").get("faults").values()) {
            pending.add(fromJson(fault));
        }
        return pending;
    }

    static LDValue toJson(Fault fault) {
        ObjectBuilder json = LDValue.buildObject();
        fault.toJson().forEach((field, value) -> json.put(field,
                value instanceof Number number ? LDValue.of(number.longValue()) : LDValue.of(value.toString())));
        return json.build();
    }

    static Fault fromJson(LDValue json) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : json.keys()) {
            LDValue value = json.get(field);
            fields.put(field, value.getType() == LDValueType.NUMBER ? (Object) value.longValue() : value.stringValue());
        }
        return Fault.fromJson(fields);
    }
}
