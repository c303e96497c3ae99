package io.quarkiverse.launchdarkly.standin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import io.quarkiverse.launchdarkly.fault.Fault;

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
            if (a.fault.action() == Fault.Action.RATE_LIMIT) {
                result.add(a.fault.withRejected(a.rejected));
            } else {
                result.add(a.remaining == Integer.MAX_VALUE ? a.fault : a.fault.times(a.remaining));
            }
        }
        return result;
    }

    /**
     * What the faults do to one request: takes one use of the first fault matching it, if any, and, when a rate limit
     * let it through, returns that limit's window too, whose headers the answer carries as LaunchDarkly's do.
     */
    synchronized Decision decide(String method, String path) {
        RateWindow window = null;
        for (Iterator<Armed> it = armed.iterator(); it.hasNext();) {
            Armed a = it.next();
            if (!matches(a.fault, method, path)) {
                continue;
            }
            if (a.fault.action() == Fault.Action.RATE_LIMIT) {
                RateWindow admitted = a.admit(System.currentTimeMillis());
                if (admitted.remaining() < 0) {
                    return Decision.refused(a.fault, admitted.resetAtMillis());
                }
                if (window == null) {
                    window = admitted;
                }
                continue; // let through by the limit: a later fault may still apply
            }
            if (a.remaining != Integer.MAX_VALUE && --a.remaining == 0) {
                it.remove();
            }
            return new Decision(Optional.of(a.fault), window, 0);
        }
        return new Decision(Optional.empty(), window, 0);
    }

    private static boolean matches(Fault fault, String method, String path) {
        return ("*".equals(fault.method()) || fault.method().equals(method))
                && PathPattern.matches(fault.pathPattern(), path);
    }

    /**
     * @param fault the fault to apply
     * @param window the rate limit that let the request through, or {@code null}
     * @param refusedUntil when a rate limit refused the request, the end of its window (epoch milliseconds), else 0
     */
    record Decision(Optional<Fault> fault, RateWindow window, long refusedUntil) {

        static final Decision NONE = new Decision(Optional.empty(), null, 0);

        static Decision refused(Fault limit, long resetAtMillis) {
            return new Decision(Optional.of(Fault.on(limit.method(), limit.pathPattern()).status(429)), null,
                    resetAtMillis);
        }
    }

    /**
     * A rate limit's state after it let a request through.
     *
     * @param remaining how many more requests the window lets through
     * @param resetAtMillis the window's end, epoch milliseconds
     */
    record RateWindow(int remaining, long resetAtMillis) {
    }

    private static final class Armed {
        final Fault fault;
        int remaining;
        // A rate limit's fixed window
        long windowStart = -1;
        int inWindow;
        long rejected;

        Armed(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }

        /**
         * Counts a request against a rate limit: the window after it, whose {@code remaining} is negative when the
         * request is refused.
         */
        RateWindow admit(long now) {
            long windowMillis = fault.windowValue().toMillis();
            if (windowStart < 0 || now - windowStart >= windowMillis) {
                windowStart = now;
                inWindow = 0;
            }
            if (inWindow < fault.limitValue()) {
                inWindow++;
                return new RateWindow(fault.limitValue() - inWindow, windowStart + windowMillis);
            }
            rejected++;
            return new RateWindow(-1, windowStart + windowMillis);
        }
    }
}
