package io.quarkiverse.launchdarkly.runtime.ai;

import static io.quarkiverse.launchdarkly.runtime.ai.StandInFixture.UUID_V4;
import static io.quarkiverse.launchdarkly.runtime.ai.StandInFixture.assertEvent;
import static io.quarkiverse.launchdarkly.runtime.ai.StandInFixture.trackData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiJudge;
import io.quarkiverse.launchdarkly.ai.AiJudgeAnswer;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfig;
import io.quarkiverse.launchdarkly.ai.AiJudgeModel;
import io.quarkiverse.launchdarkly.ai.AiJudgeRequest;
import io.quarkiverse.launchdarkly.ai.AiJudgeResult;
import io.quarkiverse.launchdarkly.ai.AiMessage;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.test.RecordedEvent;

/** Judges over the real SDK and the stand-in: sampling, the judge's own run, and the score on the graded run. */
class JudgeTest {

    static final String FLAGS = """
            {"flagValues": {
              "chat": {
                "_ldMeta": {"enabled": true, "variationKey": "v1", "version": 3, "mode": "completion"},
                "model": {"name": "gpt-4o"}, "provider": {"name": "openai"},
                "messages": [{"role": "system", "content": "Help"}],
                "judgeConfiguration": {"judges": [{"key": "relevance-judge", "samplingRate": 1},
                                                  {"key": "tone-judge", "samplingRate": 0.5}]}
              },
              "relevance-judge": {
                "_ldMeta": {"enabled": true, "variationKey": "j1", "version": 2, "mode": "judge"},
                "model": {"name": "judge-model"}, "provider": {"name": "openai"},
                "messages": [{"role": "system",
                              "content": "Grade for {{ldctx.key}}. History: {{message_history}} Answer: {{response_to_evaluate}}"}],
                "evaluationMetricKey": "$ld:ai:judge:relevance"
              },
              "tone-judge": {
                "_ldMeta": {"enabled": true, "variationKey": "t1", "version": 1, "mode": "judge"},
                "messages": [{"role": "system", "content": "Tone of {{response_to_evaluate}}"}],
                "evaluationMetricKey": "$ld:ai:judge:tone"
              },
              "judge-off": {
                "_ldMeta": {"enabled": false, "variationKey": "x", "version": 1, "mode": "judge"},
                "evaluationMetricKey": "$ld:ai:judge:off"
              },
              "judge-no-metric": {
                "_ldMeta": {"enabled": true, "variationKey": "y", "version": 1, "mode": "judge"},
                "messages": [{"role": "system", "content": "?"}]
              }
            }}
            """;

    static final LDContext USER = LDContext.builder("user-123").name("Ann").build();

    @TempDir
    Path dir;

    StandInFixture ld;

    @BeforeEach
    void start() throws IOException {
        ld = new StandInFixture(dir, FLAGS);
    }

    @AfterEach
    void stop() throws IOException {
        ld.close();
    }

    /** A judge model that records what it is asked and answers with this score. */
    static final class RecordingModel implements AiJudgeModel {
        final List<AiJudgeRequest> requests = new CopyOnWriteArrayList<>();
        final AiJudgeAnswer answer;

        RecordingModel(AiJudgeAnswer answer) {
            this.answer = answer;
        }

        @Override
        public AiJudgeAnswer evaluate(AiJudgeRequest request) {
            requests.add(request);
            return answer;
        }
    }

    static final AiJudgeModel NEVER_CALLED = request -> {
        throw new AssertionError("the judge model must not be called");
    };

    @Test
    void aSampledJudgeAsksItsModelRecordsItsOwnRunAndTheScoreLandsOnTheGradedRun() {
        AiJudgeConfig config = ld.ai.judgeConfig("relevance-judge", USER);
        RecordingModel model = new RecordingModel(
                AiJudgeAnswer.of(0.8, "on topic", AiMetrics.succeeded(new AiTokenUsage(20, 15, 5))));
        AiJudge judge = AiJudge.of(config, 1.0, model);

        AiJudgeResult result = judge.evaluate("What is {{response_to_evaluate}}?", "A refund.");

        assertThat(result).isEqualTo(new AiJudgeResult("relevance-judge", true, null, true, "$ld:ai:judge:relevance",
                0.8, "on topic"));
        AiJudgeRequest request = model.requests.get(0);
        assertThat(request.judge()).isSameAs(config);
        assertThat(request.messages()).containsExactly(AiMessage.system(
                "Grade for user-123. History: What is {{response_to_evaluate}}? Answer: A refund."));
        assertThat(request.input()).isEqualTo(
                "MESSAGE HISTORY:\nWhat is {{response_to_evaluate}}?\n\nRESPONSE TO EVALUATE:\nA refund.");
        assertThat(request.conversation()).last().isEqualTo(AiMessage.user(request.input()));
        assertThat(request.outputSchema()).isEqualTo(LDValue.parse("{\"type\":\"object\",\"properties\":{"
                + "\"score\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1},\"reasoning\":{\"type\":\"string\"}},"
                + "\"required\":[\"score\",\"reasoning\"],\"additionalProperties\":false}"));

        // The judge's own run: configKey = the judge, a new runId, as trackMetricsOf records it.
        RecordedEvent duration = ld.only("$ld:ai:duration:total");
        String judgeRunId = duration.data().get("runId").stringValue();
        assertThat(judgeRunId).matches(UUID_V4);
        LDValue judgeData = trackData(judgeRunId, "relevance-judge", "j1", 2, "judge-model", "openai", 1, null).build();
        assertEvent(duration, "$ld:ai:duration:total", "user", "user-123", judgeData, duration.metricValue());
        assertEvent(ld.only("$ld:ai:generation:success"), "$ld:ai:generation:success", "user", "user-123", judgeData,
                1);
        assertEvent(ld.only("$ld:ai:tokens:total"), "$ld:ai:tokens:total", "user", "user-123", judgeData, 20);
        assertEvent(ld.only("$ld:ai:tokens:input"), "$ld:ai:tokens:input", "user", "user-123", judgeData, 15);
        assertEvent(ld.only("$ld:ai:tokens:output"), "$ld:ai:tokens:output", "user", "user-123", judgeData, 5);

        AiConfigTracker graded = ld.ai.completionConfig("chat", USER).createTracker();
        graded.trackJudgeResult(result);
        assertEvent(ld.only("$ld:ai:judge:relevance"), "$ld:ai:judge:relevance", "user", "user-123",
                trackData(graded.runId(), "chat", "v1", 3, "gpt-4o", "openai", 1, null)
                        .put("judgeConfigKey", "relevance-judge").build(),
                0.8);
    }

    @Test
    void samplingAtZeroNeverCallsTheModelAndSendsNothing() {
        AiJudgeConfig config = ld.ai.judgeConfig("relevance-judge", USER);

        AiJudgeResult result = AiJudge.of(config, 0.0, NEVER_CALLED, () -> 0.0).evaluate("q", "a");

        assertThat(result).isEqualTo(new AiJudgeResult("relevance-judge", false, null, false, "$ld:ai:judge:relevance",
                null, null));
        ld.ai.completionConfig("chat", USER).createTracker().trackJudgeResult(result);
        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).containsExactlyInAnyOrder("$ld:ai:sdk:info", "$ld:ai:usage:judge-config",
                "$ld:ai:usage:completion-config");
    }

    @Test
    void aFixedRandomSourceSamplesDrawsUpToTheRate() {
        AiJudgeConfig config = ld.ai.judgeConfig("tone-judge", USER);
        RecordingModel model = new RecordingModel(AiJudgeAnswer.of(0.5, "ok", null));
        double[] draws = { 0.3, 0.25, 0.1, 0.99 };
        AtomicInteger next = new AtomicInteger();
        AiJudge judge = AiJudge.of(config, 0.25, model, () -> draws[next.getAndIncrement()]);

        List<Boolean> sampled = new ArrayList<>();
        for (int i = 0; i < draws.length; i++) {
            sampled.add(judge.evaluate("q", "a").sampled());
        }

        assertThat(sampled).containsExactly(false, true, true, false);
        assertThat(model.requests).hasSize(2);
        assertThat(ld.local.events().awaitCustomEvents("$ld:ai:generation:success", 2, StandInFixture.WAIT))
                .hasSize(2);
        // A rate of 1 samples whatever the draw.
        assertThat(AiJudge.of(config, 1.0, model, () -> 0.999).evaluate("q", "a").sampled()).isTrue();
    }

    @Test
    void aJudgeWhoseModelFailsRecordsAnErrorOnItsRunAndNoScore() {
        AiJudgeConfig config = ld.ai.judgeConfig("relevance-judge", USER);
        AiJudge judge = AiJudge.of(config, 1.0, request -> {
            throw new IOException("judge model down");
        });

        AiJudgeResult result = judge.evaluate("q", "a");

        assertThat(result).isEqualTo(new AiJudgeResult("relevance-judge", false, "judge model down", true,
                "$ld:ai:judge:relevance", null, null));
        RecordedEvent error = ld.only("$ld:ai:generation:error");
        assertThat(error.data().get("configKey")).isEqualTo(LDValue.of("relevance-judge"));
        ld.ai.completionConfig("chat", USER).createTracker().trackJudgeResult(result);
        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).doesNotContain("$ld:ai:judge:relevance", "$ld:ai:generation:success");
    }

    @Test
    void anAnswerOutOfShapeOrAFailedCallGivesAFailedResult() {
        AiJudgeConfig config = ld.ai.judgeConfig("relevance-judge", USER);

        assertThat(AiJudge.of(config, 1, r -> AiJudgeAnswer.of(1.5, "too high", null)).evaluate("q", "a")
                .errorMessage()).isEqualTo("The answer of the judge model of relevance-judge has no score between 0 and 1");
        assertThat(AiJudge.of(config, 1, r -> AiJudgeAnswer.ofJson("{\"score\":0.4}", null)).evaluate("q", "a")
                .errorMessage()).isEqualTo("The answer of the judge model of relevance-judge has no reasoning string");
        assertThat(AiJudge.of(config, 1, r -> AiJudgeAnswer.ofJson("not json", null)).evaluate("q", "a").success())
                .isFalse();
        AiJudgeResult failedCall = AiJudge.of(config, 1, r -> AiJudgeAnswer.of(0.5, "x", AiMetrics.failed()))
                .evaluate("q", "a");
        assertThat(failedCall.errorMessage()).isEqualTo("The judge model of relevance-judge reported a failure");
        assertThat(ld.only("$ld:ai:generation:error").data().get("configKey")).isEqualTo(LDValue.of("relevance-judge"));
        assertThat(ld.local.events().awaitCustomEvents("$ld:ai:generation:success", 3, StandInFixture.WAIT))
                .hasSize(3);
    }

    @Test
    void aDisabledJudgeOrOneWithoutMetricKeyIsNotRun() {
        AiJudgeResult off = AiJudge.of(ld.ai.judgeConfig("judge-off", USER), 1, NEVER_CALLED).evaluate("q", "a");
        AiJudgeResult noMetric = AiJudge.of(ld.ai.judgeConfig("judge-no-metric", USER), 1, NEVER_CALLED)
                .evaluate("q", "a");

        assertThat(off).isEqualTo(new AiJudgeResult("judge-off", false, "The judge config judge-off is disabled", false,
                "$ld:ai:judge:off", null, null));
        assertThat(noMetric).isEqualTo(new AiJudgeResult("judge-no-metric", false,
                "The judge config judge-no-metric has no evaluationMetricKey", false, null, null, null));
        assertThatThrownBy(() -> AiJudge.of(ld.ai.judgeConfig("tone-judge", USER), 1, NEVER_CALLED).evaluate(null, "a"))
                .isInstanceOf(NullPointerException.class).hasMessage("The input a judge grades must not be null");
        assertThatThrownBy(() -> AiJudge.of(null, 1, NEVER_CALLED)).isInstanceOf(NullPointerException.class);
        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).containsOnly("$ld:ai:sdk:info", "$ld:ai:usage:judge-config");
    }

    @Test
    void theEvaluatorRunsEveryJudgeOffTheCallersThreadAndScoresTheGradedRun() {
        LaunchDarklyAi ai = new LaunchDarklyAiClient(ld.client, ld.warnings::add, () -> 0.4);
        AiCompletionConfig chat = ai.completionConfig("chat", USER);
        AiConfigTracker graded = chat.createTracker();
        RecordingModel model = new RecordingModel(AiJudgeAnswer.of(0.9, "good", null));
        List<Runnable> queued = new ArrayList<>();

        CompletableFuture<List<AiJudgeResult>> results = ai
                .judgeEvaluator(chat.judgeConfiguration().orElseThrow(), USER, model, queued::add)
                .evaluate(graded, "How do I get a refund?", "Use the form.");

        assertThat(results).isNotDone();
        assertThat(model.requests).as("nothing runs on the caller's thread").isEmpty();
        assertThat(queued).hasSize(2);
        queued.forEach(Runnable::run);
        assertThat(results).isCompleted();
        assertThat(results.join()).extracting(AiJudgeResult::judgeConfigKey, AiJudgeResult::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("relevance-judge", 0.9),
                        org.assertj.core.groups.Tuple.tuple("tone-judge", 0.9));
        assertEvent(ld.only("$ld:ai:judge:relevance"), "$ld:ai:judge:relevance", "user", "user-123",
                trackData(graded.runId(), "chat", "v1", 3, "gpt-4o", "openai", 1, null)
                        .put("judgeConfigKey", "relevance-judge").build(),
                0.9);
        assertEvent(ld.only("$ld:ai:judge:tone"), "$ld:ai:judge:tone", "user", "user-123",
                trackData(graded.runId(), "chat", "v1", 3, "gpt-4o", "openai", 1, null)
                        .put("judgeConfigKey", "tone-judge").build(),
                0.9);
        ld.deliverEverythingSoFar();
        assertThat(ld.aiEventKeys()).as("the judge configs are evaluated without usage events")
                .doesNotContain("$ld:ai:usage:judge-config");
    }

    @Test
    void anExecutorThatRefusesGivesFailedResultsAndNeverFails() {
        AiCompletionConfig chat = ld.ai.completionConfig("chat", USER);

        CompletableFuture<List<AiJudgeResult>> results = ld.ai.judgeEvaluator(chat.judgeConfiguration().orElseThrow(),
                USER, NEVER_CALLED, task -> {
                    throw new RejectedExecutionException("full");
                }).evaluate(chat.createTracker(), "q", "a");

        assertThat(results.join()).extracting(AiJudgeResult::success, AiJudgeResult::sampled).containsOnly(
                org.assertj.core.groups.Tuple.tuple(false, false));
        assertThat(results.join().get(0).errorMessage()).contains("full");
    }
}
