package io.quarkiverse.launchdarkly.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiVariable;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.runtime.Application;

/**
 * Cost per call of an AI Config run recorded by {@code @AiGeneration}, against the same run written by hand with the
 * extension's AI client and tracker: evaluation with interpolation, the usage event, a new tracker, duration, success
 * and three token events, all through the real SDK to the local stand-in.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// What "java -jar" of a Quarkus jar gets: the JBoss log manager and the manifest's Add-Opens.
@Fork(value = 1, jvmArgsAppend = { "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
        "--add-opens=java.base/java.lang=ALL-UNNAMED" })
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class AiGenerationBenchmark {

    /** The events of one run, in the order both variants send them. */
    static final List<String> RUN_EVENTS = List.of("$ld:ai:usage:completion-config", "$ld:ai:duration:total",
            "$ld:ai:generation:success", "$ld:ai:tokens:total", "$ld:ai:tokens:input", "$ld:ai:tokens:output");

    // Fields, not constants, so the JIT cannot fold the arguments.
    String userKey = "user-1";
    String topic = "billing";
    String question = "Where is my invoice?";

    private Application application;
    private AnnotatedAssistant annotated;
    private HandWrittenAssistant handWritten;

    @Setup(Level.Trial)
    public void boot() throws Exception {
        application = QuarkusApp.start();
        Fixture fixture = Fixture.onStandIn();
        annotated = fixture.annotatedAssistant;
        handWritten = fixture.handWrittenAssistant;
        // A functional check, not a timing one: both variants get the same answer from the same interpolated config
        // and deliver the same six events, so the interceptor is woven in and the comparison is like for like.
        check(fixture.launchDarkly, "hand-written", () -> handWritten.answer(userKey, topic, question));
        check(fixture.launchDarkly, "@AiGeneration", () -> annotated.answer(userKey, topic, question, null));
        check(fixture.launchDarkly, "judged @AiGeneration", () -> annotated.judgedAnswer(userKey, topic, question, null));
        // ... and the judge graded that call, in the background, with its score on the call's run.
        fixture.launchDarkly.events().await(e -> e.isCustom() && e.key().equals("$ld:ai:judge:relevance"), 1,
                Duration.ofSeconds(15), "the judge's score");
        fixture.launchDarkly.reset();
    }

    private void check(LocalLaunchDarkly local, String variant, Supplier<BenchReply> call) {
        local.reset();
        BenchReply reply = call.get();
        // The input tokens count the characters of the interpolated prompt: they show the topic and key filled in.
        int prompt = "You help user-1 with billing questions. Be brief.".length() + question.length();
        if (!reply.equals(new BenchReply("local-bench-model", prompt / 4, question.length()))) {
            throw new IllegalStateException(variant + " got an unexpected answer: " + reply);
        }
        // Custom events only (an index event has no key), and not the once-per-application sdk:info event.
        List<RecordedEvent> events = local.events().await(
                e -> e.isCustom() && e.key().startsWith("$ld:ai:") && !e.key().equals("$ld:ai:sdk:info"),
                RUN_EVENTS.size(), Duration.ofSeconds(15), variant + "'s run");
        List<String> keys = events.stream().map(RecordedEvent::key).toList();
        if (!keys.equals(RUN_EVENTS)) {
            throw new IllegalStateException(variant + " sent " + keys + " instead of " + RUN_EVENTS);
        }
        for (RecordedEvent event : events.subList(1, events.size())) {
            if (!userKey.equals(event.contextKey())
                    || !List.of("standard", "judged").contains(event.data().get("variationKey").stringValue())) {
                throw new IllegalStateException(variant + " sent an unexpected event: " + event.json().toJsonString());
            }
        }
    }

    @TearDown(Level.Trial)
    public void shutdown() {
        QuarkusApp.stop(application);
    }

    /**
     * 1. Baseline: {@code ai.completionConfig(key, LDContext.create(userKey), null, Map.of("topic", topic))}, the
     * enabled check, {@code config.createTracker().trackMetricsOf(extractor, call)}.
     */
    @Benchmark
    public BenchReply handWrittenGeneration() {
        return handWritten.answer(userKey, topic, question);
    }

    /**
     * 2. The same call with {@code @AiGeneration(config = "bench.chat")}, {@code @LaunchDarklyContext} and
     * {@code @AiVariable("topic")}: client proxy, ArC interceptor, plan, the config put into the arguments, the
     * extractor chosen at build time.
     */
    @Benchmark
    public BenchReply annotatedGeneration() {
        return annotated.answer(userKey, topic, question, null);
    }

    /**
     * 3. The same annotated call on a variation with a judge at sampling rate 1: the call hands its answer to the
     * judges and returns; the judges' two threads grade with a 2 ms model, so at benchmark rates their queue is full
     * and most evaluations are dropped and counted. The difference with 2 is what judging costs the caller.
     */
    @Benchmark
    public BenchReply annotatedJudgedGeneration() {
        return annotated.judgedAnswer(userKey, topic, question, null);
    }
}
