package io.quarkiverse.launchdarkly.standin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The faults the local stand-in currently injects. Faults are matched in the order they were injected; each one is
 * used up after its {@link Fault#times(int) count}. Thread-safe.
 */
public final class Faults {

    private final List<Armed> armed = new ArrayList<>();

    /** Arms a fault; it applies to the next matching requests. */
    public synchronized Faults inject(Fault fault) {
        armed.add(new Armed(fault, fault.timesValue()));
        return this;
    }

    /** Disarms every fault. */
    public synchronized void clear() {
        armed.clear();
    }

    /** The faults still armed, with their remaining counts folded in. */
    public synchronized List<Fault> pending() {
        List<Fault> result = new ArrayList<>();
        for (Armed a : armed) {
            result.add(a.remaining == Integer.MAX_VALUE ? a.fault : a.fault.times(a.remaining));
        }
        return result;
    }

    /** Takes one use of the first fault matching the request, if any. */
    synchronized Optional<Fault> take(String method, String path) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext();) {
            Armed a = it.next();
            if (a.fault.matches(method, path)) {
                if (a.remaining != Integer.MAX_VALUE && --a.remaining == 0) {
                    it.remove();
                }
                return Optional.of(a.fault);
            }
        }
        return Optional.empty();
    }

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
