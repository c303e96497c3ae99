package io.quarkiverse.launchdarkly.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.runtime.Application;

/**
 * Cost per call of sending a LaunchDarkly custom event by hand and through {@code @TrackedMetric}, with the real SDK
 * sending its events to the extension's local stand-in. Each fork boots the Quarkus application once per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// What "java -jar" of a Quarkus jar gets: the JBoss log manager and the manifest's Add-Opens.
@Fork(value = 1, jvmArgsAppend = { "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
        "--add-opens=java.base/java.lang=ALL-UNNAMED" })
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class TrackedMetricBenchmark {

    // Fields, not constants, so the JIT cannot fold the arguments.
    String userKey = "user-1";
    String source = "web";

    private Application application;
    private AnnotatedShop annotated;
    private HandWrittenShop handWritten;
    private MicrometerShop micrometer;

    @Setup(Level.Trial)
    public void boot() throws Exception {
        application = QuarkusApp.start();
        Fixture fixture = Fixture.onStandIn();
        annotated = fixture.annotated;
        handWritten = fixture.handWritten;
        micrometer = fixture.micrometer;
        // A functional check, not a timing one: each path really delivers its event to the stand-in, so the
        // interceptor is woven in and the SDK sends events (an offline SDK would make the comparison meaningless).
        fixture.launchDarkly.reset();
        handWritten.settle(userKey, source);
        annotated.settle(userKey, source);
        handWritten.checkout(userKey, source);
        annotated.checkout(userKey, source);
        LDValue data = LDValue.buildObject().put("source", source).build();
        for (RecordedEvent event : fixture.launchDarkly.events().awaitCustomEvents("revenue.impact", 2,
                Duration.ofSeconds(15))) {
            check(userKey.equals(event.contextKey()) && data.equals(event.data())
                    && Double.valueOf(Amounts.settle(userKey, source)).equals(event.metricValue()), event);
        }
        for (RecordedEvent event : fixture.launchDarkly.events().awaitCustomEvents("checkout.completed", 2,
                Duration.ofSeconds(15))) {
            check(userKey.equals(event.contextKey()) && event.metricValue() == null, event);
        }
        fixture.launchDarkly.reset();
    }

    private static void check(boolean ok, RecordedEvent event) {
        if (!ok) {
            throw new IllegalStateException("unexpected event at the stand-in: " + event.json().toJsonString());
        }
    }

    @TearDown(Level.Trial)
    public void shutdown() {
        QuarkusApp.stop(application);
    }

    /** 1. Baseline: the business method sends the metric event itself (LDContext + data object + trackMetric). */
    @Benchmark
    public double handWritten() {
        return handWritten.settle(userKey, source);
    }

    /**
     * 2. The same method with {@code @TrackedMetric(valueFrom = RESULT)}, {@code @LaunchDarklyContext} and
     * {@code @MetricData}: client proxy, ArC interceptor chain, plan, then the same SDK call.
     */
    @Benchmark
    public double annotated() {
        return annotated.settle(userKey, source);
    }

    /** 3a. Baseline of the conversion event: {@code ldClient.track(key, LDContext.create(userKey))}. */
    @Benchmark
    public double handWrittenConversion() {
        return handWritten.checkout(userKey, source);
    }

    /** 3b. {@code @TrackedMetric("checkout.completed")}: a conversion event (no value) and no data. */
    @Benchmark
    public double annotatedConversion() {
        return annotated.checkout(userKey, source);
    }

    /** Peer 0: the business computation alone, through the client proxy, with no instrumentation. */
    @Benchmark
    public double bare() {
        return micrometer.settle(userKey, source);
    }

    /**
     * Peer 0b: the same through an ArC interceptor that only proceeds, the share of {@link #annotated} that any
     * interceptor binding costs before it does anything.
     */
    @Benchmark
    public double arcPassThrough() {
        return micrometer.settlePassedThrough(userKey, source);
    }

    /** Peer: Micrometer's {@code @Counted} on the same computation (one counter increment per call). */
    @Benchmark
    public double micrometerCounted() {
        return micrometer.settleCounted(userKey, source);
    }

    /** Peer: Micrometer's {@code @Timed} on the same computation (a timer sample per call). */
    @Benchmark
    public double micrometerTimed() {
        return micrometer.settleTimed(userKey, source);
    }
}
