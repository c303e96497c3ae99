package io.quarkiverse.launchdarkly.test;

import java.util.ArrayList;
import java.util.List;

import com.launchdarkly.sdk.LDValue;

/** The faults the stand-in injects. Faults are matched in the order they were armed; each is used up after its count. */
public final class Faults {

    private final StandInHttp http;

    Faults(StandInHttp http) {
        this.http = http;
    }

    /** Arms a fault; it applies to the next matching requests. */
    public Faults inject(Fault fault) {
        http.send("POST", "/_local/faults", fault.toJson().toJsonString());
        return this;
    }

    /** Disarms every fault. */
    public void clear() {
        http.send("DELETE", "/_local/faults", null);
    }

    /** The faults still armed, with their remaining counts. */
    public List<Fault> pending() {
        List<Fault> pending = new ArrayList<>();
        for (LDValue fault : http.get("/_local/faults").get("faults").values()) {
            pending.add(Fault.fromJson(fault));
        }
        return pending;
    }
}
