package io.quarkiverse.launchdarkly.registrationbench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Times the registration of the metric definitions this build declared (measure.sh builds it for 10, 100 and 1,000)
 * against the stand-in that measure.sh started, and counts the REST requests of each run at the stand-in:
 * <ul>
 * <li>{@code new}: none of the metrics exists (the stand-in forgot them), so one list read and a create each;</li>
 * <li>{@code unchanged}: all exist as declared, so only the pages of the list read (50 metrics a page);</li>
 * <li>{@code new-20ms}: none exists and the stand-in answers each create 20 ms late, closer to a round trip to
 * LaunchDarkly than the loopback; here {@code quarkus.launchdarkly.registration.concurrency} shows;</li>
 * <li>{@code rate-limited}: none exists and the stand-in lets through 100 requests a second, telling each answer what
 * is left of the window and answering 429 with {@code X-Ratelimit-Reset} beyond, as LaunchDarkly does.</li>
 * </ul>
 * The startup run (blocking) comes first and warms up the REST client; it is not timed. One line per scenario:
 * {@code scenario metrics concurrency median-ms min-ms max-ms GET POST PATCH refused}.
 */
@QuarkusMain
public class RegistrationRun implements QuarkusApplication {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    static final int PER_SECOND = 100;
    static final Duration LATENCY = Duration.ofMillis(20);

    @Inject
    MetricRegistration registration;

    @ConfigProperty(name = "bench.stand-in")
    URI standIn;

    @ConfigProperty(name = "quarkus.launchdarkly.registration.concurrency")
    int concurrency;

    @Override
    public int run(String... args) {
        LocalLaunchDarkly local = LocalLaunchDarkly.connect(standIn, () -> {
        });
        int metrics = registration.report().outcomes().size();
        List<Round> created = new ArrayList<>();
        List<Round> unchanged = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            local.reset();
            created.add(round(local, MetricOutcome.Status.CREATED, metrics));
            unchanged.add(round(local, MetricOutcome.Status.UNCHANGED, metrics));
        }
        // A thousand creates 20 ms late take 20 s one at a time: one round is enough there.
        List<Round> slow = new ArrayList<>();
        for (int i = 0; i < (metrics >= 1_000 ? 1 : ROUNDS); i++) {
            local.reset(); // faults included
            local.faults().inject(Fault.on("POST", "/api/v2/metrics/**").delay(LATENCY).always());
            slow.add(round(local, MetricOutcome.Status.CREATED, metrics));
        }
        local.reset();
        local.faults().inject(Fault.on("*", "/api/v2/metrics/**").rateLimit(PER_SECOND, Duration.ofSeconds(1)));
        Round limited = round(local, MetricOutcome.Status.CREATED, metrics);
        long refused = local.faults().pending().get(0).rejectedValue();
        local.faults().clear();

        print("new", metrics, created, 0);
        print("unchanged", metrics, unchanged, 0);
        print("new-20ms", metrics, slow, 0);
        print("rate-limited", metrics, List.of(limited), refused);
        return 0;
    }

    /** One reconcile, checked: every metric ends with the expected status, or the numbers would mean nothing. */
    private Round round(LocalLaunchDarkly local, MetricOutcome.Status expected, int metrics) {
        Map<String, Long> before = local.metricsApi().callCounts();
        long start = System.nanoTime();
        RegistrationReport report = registration.reconcile();
        long nanos = System.nanoTime() - start;
        if (report.state() != RegistrationReport.State.DONE || report.withStatus(expected).size() != metrics) {
            throw new IllegalStateException("Expected " + metrics + " " + expected + ", got " + report.summary());
        }
        Map<String, Long> after = local.metricsApi().callCounts();
        return new Round(nanos, before, after);
    }

    private void print(String scenario, int metrics, List<Round> rounds, long refused) {
        long[] millis = rounds.stream().mapToLong(round -> round.nanos() / 1_000_000).sorted().toArray();
        Round last = rounds.get(rounds.size() - 1);
        System.out.printf("%s %d %d %d %d %d %d %d %d %d%n", scenario, metrics, concurrency,
                millis[millis.length / 2], millis[0], millis[millis.length - 1],
                last.count("GET"), last.count("POST"), last.count("PATCH"), refused);
    }

    /** A round's time, and the stand-in's request counts (kept since its last reset) before and after it. */
    record Round(long nanos, Map<String, Long> before, Map<String, Long> after) {

        long count(String method) {
            return after.getOrDefault(method, 0L) - before.getOrDefault(method, 0L);
        }
    }
}
