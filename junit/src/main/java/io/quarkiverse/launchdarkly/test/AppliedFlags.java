package io.quarkiverse.launchdarkly.test;

import java.time.Duration;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.json.JsonSerialization;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

/**
 * Whether an SDK client holds the flags the stand-in serves, told by their versions: the stand-in raises the version of
 * every flag a change touches. {@code allFlagsState} reads the client's store without sending any event.
 */
final class AppliedFlags {

    private static final LDContext PROBE = LDContext.create("local-launchdarkly-flag-sync");
    private static final Duration POLL = Duration.ofMillis(2);

    private AppliedFlags() {
    }

    /** Whether the client's flags carry the versions of this data set, no more and no fewer. */
    static boolean match(LDClientInterface client, LDValue data) {
        LDValue state = LDValue.parse(JsonSerialization.serialize(client.allFlagsState(PROBE)));
        if (!state.get("$valid").booleanValue()) {
            return false;
        }
        LDValue held = state.get("$flagsState");
        LDValue served = data.get("flags");
        if (held.size() != served.size()) {
            return false;
        }
        for (String key : served.keys()) {
            if (held.get(key).get("version").intValue() != served.get(key).get("version").intValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until the client holds this data set.
     *
     * @throws IllegalStateException when it does not within the timeout
     */
    static void await(LDClientInterface client, LDValue data, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!match(client, data)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("The application's LaunchDarkly client did not apply the stand-in's new"
                        + " flags within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the client to apply the new flags", e);
            }
        }
    }
}
