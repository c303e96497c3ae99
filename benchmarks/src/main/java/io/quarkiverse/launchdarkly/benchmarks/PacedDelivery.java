package io.quarkiverse.launchdarkly.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;

import io.quarkus.runtime.Application;

/**
 * The delivered path: a tracked call at a moderate, steady rate (one call every 50 µs, 20,000 calls per variant), so
 * that the SDK's queue never fills and every event is delivered, then checked at the stand-in. JMH measures the drop
 * path (its calls come faster than any SDK delivers); this measures what a service at moderate load pays per call.
 * <p>
 * Variants: the SDK set up by hand with its default event settings (what a user wiring the SDK pays), the same call
 * written by hand on the extension's client (events handed off to the SDK by the extension), and
 * {@code @TrackedMetric}. Each call is timed alone with {@code System.nanoTime()}; the pacing wait is not timed.
 * <p>
 * Run: {@code java -cp benchmarks/target/quarkus-launchdarkly-benchmarks-999-SNAPSHOT-runner.jar
 * -Djava.util.logging.manager=org.jboss.logmanager.LogManager io.quarkiverse.launchdarkly.benchmarks.PacedDelivery}
 */
public final class PacedDelivery {

    private static final int WARMUP_CALLS = 20_000;
    /**
     * Under the SDK's default queue capacity (10,000, the same for the client set up by hand and the extension's): at
     * one call every 50 µs more would fill the queue before the 5 s flush and measure the drop path again.
     */
    private static final int CALLS = 8_000;
    private static final long PACE_NANOS = 50_000;

    private PacedDelivery() {
    }

    public static void main(String[] args) throws Exception {
        Application application = QuarkusApp.start();
        try {
            Fixture fixture = Fixture.onStandIn();
            String userKey = "user-1";
            String source = "web";
            LDClient byHand = new LDClient("sdk-stand-in", new LDConfig.Builder()
                    .serviceEndpoints(Components.serviceEndpoints().relayProxy(QuarkusApp.standInUri()))
                    .diagnosticOptOut(true).startWait(Duration.ofSeconds(5)).build());
            LDValue data = LDValue.buildObject().put("source", source).build();
            System.out.printf(Locale.ROOT, "%-40s %10s %10s %10s %12s%n", "variant (ns per call)", "median", "p90", "p99",
                    "delivered");
            run("SDK set up by hand, trackMetric", fixture, () -> {
                double value = Amounts.settle(userKey, source);
                byHand.trackMetric("revenue.impact", LDContext.create(userKey), data, value);
                return value;
            }, byHand::flush);
            run("extension's client, trackMetric by hand", fixture, () -> fixture.handWritten.settle(userKey, source),
                    null);
            run("@TrackedMetric", fixture, () -> fixture.annotated.settle(userKey, source), null);
            byHand.close();
        } finally {
            QuarkusApp.stop(application);
        }
    }

    private static void run(String variant, Fixture fixture, DoubleSupplier call, Runnable flush) {
        paced(call, WARMUP_CALLS);
        fixture.launchDarkly.events().awaitCustomEvents("revenue.impact", 1, Duration.ofSeconds(30));
        fixture.launchDarkly.reset();
        long[] nanos = paced(call, CALLS);
        if (flush != null) {
            flush.run();
        }
        // The journal keeps the latest events only; its counts per key cover every event since the reset.
        long delivered = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (delivered < CALLS && System.nanoTime() < deadline) {
            delivered = fixture.launchDarkly.events().customEventCounts().getOrDefault("revenue.impact", 0L);
            if (delivered < CALLS) {
                sleep(200);
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-40s %10d %10d %10d %6d/%d%n", variant, nanos[CALLS / 2],
                nanos[CALLS * 9 / 10], nanos[CALLS * 99 / 100], delivered, CALLS);
        if (delivered < CALLS) {
            throw new IllegalStateException(variant + ": only " + delivered + " of " + CALLS + " events were delivered");
        }
        fixture.launchDarkly.reset();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double sink;

    private static long[] paced(DoubleSupplier call, int calls) {
        long[] nanos = new long[calls];
        long next = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            next += PACE_NANOS;
            long start = System.nanoTime();
            sink += call.getAsDouble();
            nanos[i] = System.nanoTime() - start;
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
        }
        return nanos;
    }
}
