package io.quarkiverse.launchdarkly.deployment.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiJudgeAnswer;
import io.quarkiverse.launchdarkly.ai.AiJudgeModel;
import io.quarkiverse.launchdarkly.ai.AiJudgeRequest;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;

/**
 * {@code @AiGeneration} runs the judges its variation lists by itself: after the call returned, in the background, with
 * the application's judge model; the score lands on the call's run. A method can opt out.
 */
class AiGenerationJudgesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Assistant.class, GatedJudgeModel.class)
                    .addAsResource(new StringAsset(JudgeDispatcherInjectionTest.FLAGS), "launchdarkly/flags.yaml"));

    /** Scores every answer 0.8, once the test lets it: so the test sees the call return before the judge ran. */
    @ApplicationScoped
    public static class GatedJudgeModel implements AiJudgeModel {
        static volatile CountDownLatch gate = new CountDownLatch(0);
        static final List<String> GRADED = new CopyOnWriteArrayList<>();

        @Override
        public AiJudgeAnswer evaluate(AiJudgeRequest request) {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            GRADED.add(request.messages().get(0).content());
            return AiJudgeAnswer.of(0.8, "relevant", null);
        }
    }

    @ApplicationScoped
    public static class Assistant {
        static volatile String lastRunId;

        @AiGeneration(config = "support-chat")
        public String answer(@LaunchDarklyContext String user, String question, AiCompletionConfig config,
                AiConfigTracker tracker) {
            lastRunId = tracker.runId();
            return "Your invoice is in your account.";
        }

        @AiGeneration(config = "support-chat")
        public Multi<String> stream(@LaunchDarklyContext String user, String question, AiConfigTracker tracker) {
            lastRunId = tracker.runId();
            return Multi.createFrom().items("Streamed ", "answer.");
        }

        @AiGeneration(config = "support-chat", judges = false)
        public String ungraded(@LaunchDarklyContext String user, String question) {
            return "Not graded.";
        }
    }

    @Inject
    Assistant assistant;

    @Inject
    LocalLaunchDarkly local;

    @BeforeEach
    void reset() {
        local.reset();
        GatedJudgeModel.GRADED.clear();
    }

    @Test
    void aSuccessfulCallIsGradedAfterItReturnedAndTheScoreLandsOnItsRun() {
        GatedJudgeModel.gate = new CountDownLatch(1);
        String answer = assistant.answer("user-1", "Where is my invoice?", null, null);

        // The call returned while the judge is still held: it did not wait for it.
        assertThat(answer).isEqualTo("Your invoice is in your account.");
        assertThat(GatedJudgeModel.GRADED).isEmpty();
        GatedJudgeModel.gate.countDown();

        RecordedEvent score = local.events().awaitCustomEvents("$ld:ai:judge:relevance", 1, Duration.ofSeconds(10))
                .get(0);
        assertThat(score.metricValue()).isEqualTo(0.8);
        assertThat(score.contextKey()).isEqualTo("user-1");
        assertThat(score.data().get("runId")).isEqualTo(LDValue.of(Assistant.lastRunId));
        assertThat(score.data().get("judgeConfigKey")).isEqualTo(LDValue.of("relevance-judge"));
        assertThat(GatedJudgeModel.GRADED).singleElement().isEqualTo("Grade Your invoice is in your account.");
    }

    @Test
    void aStreamIsGradedOnItsWholeText() {
        assertThat(assistant.stream("user-2", "Hi", null).collect().asList().await().atMost(Duration.ofSeconds(5)))
                .hasSize(2);

        RecordedEvent score = local.events().awaitCustomEvents("$ld:ai:judge:relevance", 1, Duration.ofSeconds(10))
                .get(0);
        assertThat(score.data().get("runId")).isEqualTo(LDValue.of(Assistant.lastRunId));
        assertThat(GatedJudgeModel.GRADED).singleElement().isEqualTo("Grade Streamed answer.");
    }

    @Test
    void aMethodThatOptsOutIsNotGraded() {
        assertThat(assistant.ungraded("user-3", "Hi")).isEqualTo("Not graded.");
        assertThat(assistant.answer("user-3", "Then this one", null, null)).isNotNull();

        // The graded call's score arrives; the opted-out call, made before it, has none.
        assertThat(local.events().awaitCustomEvents("$ld:ai:judge:relevance", 1, Duration.ofSeconds(10))).hasSize(1);
        assertThat(GatedJudgeModel.GRADED).containsExactly("Grade Your invoice is in your account.");
    }
}
