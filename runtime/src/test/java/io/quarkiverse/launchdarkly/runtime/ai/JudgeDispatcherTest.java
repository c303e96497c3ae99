package io.quarkiverse.launchdarkly.runtime.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.TrackingFailureCounts.Reason;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiJudgeAnswer;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfiguration;
import io.quarkiverse.launchdarkly.ai.AiJudgeModel;
import io.quarkiverse.launchdarkly.ai.AiJudgeResult;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.quarkiverse.launchdarkly.runtime.testing.CapturedLog;

/** The background judges: scores land on the graded run after dispatch returned; overflow is counted, not waited. */
class JudgeDispatcherTest {

    static final LDContext USER = LDContext.builder("user-123").name("Ann").build();
    static final AiJudgeConfiguration RELEVANCE = new AiJudgeConfiguration(
            List.of(new AiJudgeConfiguration.Judge("relevance-judge", 1.0)));

    @TempDir
    Path dir;

    StandInFixture ld;
    TrackingFailures failures = new TrackingFailures();
    JudgeDispatcher dispatcher;

    @BeforeEach
    void start() throws IOException {
        ld = new StandInFixture(dir, JudgeTest.FLAGS);
    }

    @AfterEach
    void stop() throws IOException {
        if (dispatcher != null) {
            dispatcher.stop();
        }
        ld.close();
    }

    @Test
    void aDispatchedAnswerIsGradedAfterTheCallReturnedAndScoredOnItsRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        dispatcher = new JudgeDispatcher(ld.ai, failures, request -> {
            release.await(10, TimeUnit.SECONDS);
            return AiJudgeAnswer.of(0.7, "fine", null);
        }, 2, 10);
        AiCompletionConfig chat = ld.ai.completionConfig("chat", USER);
        AiConfigTracker run = chat.createTracker();
        run.trackSuccess();

        CompletableFuture<List<AiJudgeResult>> results = dispatcher.dispatch("How?", "Like this.", run,
                chat.judgeConfiguration().orElseThrow());

        assertThat(results).as("dispatch returns while the judge model is still busy").isNotDone();
        release.countDown();
        assertThat(results.get(10, TimeUnit.SECONDS)).extracting(AiJudgeResult::judgeConfigKey)
                .containsExactly("relevance-judge", "tone-judge");
        LDValue score = ld.only("$ld:ai:judge:relevance").data();
        assertThat(score.get("runId")).isEqualTo(LDValue.of(run.runId()));
        assertThat(score.get("judgeConfigKey")).isEqualTo(LDValue.of("relevance-judge"));
        assertThat(dispatcher.active()).isTrue();
    }

    @Test
    void aFullQueueDropsAndCountsTheJudgeInsteadOfWaiting() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        dispatcher = new JudgeDispatcher(ld.ai, failures, request -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return AiJudgeAnswer.of(0.5, "ok", null);
        }, 1, 1);
        AiConfigTracker run = ld.ai.completionConfig("chat", USER).createTracker();

        CompletableFuture<List<AiJudgeResult>> running = dispatcher.dispatch("q1", "a1", run, RELEVANCE);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<AiJudgeResult>> queued = dispatcher.dispatch("q2", "a2", run, RELEVANCE);
        CompletableFuture<List<AiJudgeResult>> dropped;
        List<LogRecord> logged;
        try (CapturedLog log = CapturedLog.of(TrackingFailures.class)) {
            dropped = dispatcher.dispatch("q3", "a3", run, RELEVANCE);
            dispatcher.dispatch("q4", "a4", run, RELEVANCE);
            logged = log.records();
        }

        assertThat(dropped).isCompleted();
        assertThat(dropped.join().get(0).sampled()).isFalse();
        assertThat(failures.count(Reason.JUDGE_DROPPED)).isEqualTo(2);
        assertThat(logged).as("logged once per interval, however many are dropped").hasSize(1);
        assertThat(logged.get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(logged.get(0).getMessage()).contains("the queue of 1 judge evaluations is full")
                .contains("1 judge evaluation(s) dropped so far");
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).get(0).score()).isEqualTo(0.5);
        assertThat(queued.get(10, TimeUnit.SECONDS).get(0).score()).isEqualTo(0.5);
        assertThat(ld.local.events().awaitCustomEvents("$ld:ai:judge:relevance", 2, StandInFixture.WAIT)).hasSize(2);
        assertThat(failures.count(Reason.JUDGE_FAILED)).isZero();
    }

    @Test
    void aFailingJudgeIsCountedAndNothingRunsWithoutModelOrJudges() throws Exception {
        AiJudgeModel failing = request -> {
            throw new IOException("judge model down");
        };
        dispatcher = new JudgeDispatcher(ld.ai, failures, failing, 1, 10);
        AiConfigTracker run = ld.ai.completionConfig("chat", USER).createTracker();

        List<AiJudgeResult> results = dispatcher.dispatch("q", "a", run, RELEVANCE).get(10, TimeUnit.SECONDS);

        assertThat(results.get(0).errorMessage()).isEqualTo("judge model down");
        assertThat(failures.count(Reason.JUDGE_FAILED)).isEqualTo(1);
        assertThat(dispatcher.dispatch("q", "a", run, null).join()).isEmpty();
        assertThat(dispatcher.dispatch("q", "a", run, new AiJudgeConfiguration(List.of())).join()).isEmpty();
        assertThat(dispatcher.dispatch(null, "a", run, RELEVANCE).join()).isEmpty();
        JudgeDispatcher withoutModel = new JudgeDispatcher(ld.ai, failures, null, 1, 1);
        assertThat(withoutModel.active()).isFalse();
        assertThat(withoutModel.dispatch("q", "a", run, RELEVANCE).join()).isEmpty();
        withoutModel.stop();
        ld.deliverEverythingSoFar();
        assertThat(ld.local.events().customEvents("$ld:ai:generation:error")).hasSize(1);
    }
}
