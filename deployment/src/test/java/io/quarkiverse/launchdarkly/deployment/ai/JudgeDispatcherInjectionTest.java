package io.quarkiverse.launchdarkly.deployment.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiJudgeAnswer;
import io.quarkiverse.launchdarkly.ai.AiJudgeModel;
import io.quarkiverse.launchdarkly.ai.AiJudgeRequest;
import io.quarkiverse.launchdarkly.ai.AiJudgeResult;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.runtime.ai.JudgeDispatcher;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;

/** In an application, the judge dispatcher is a bean that uses the application's judge model bean. */
class JudgeDispatcherInjectionTest {

    static final String FLAGS = """
            flagValues:
              support-chat:
                _ldMeta: { enabled: true, variationKey: "v1", version: 2 }
                model: { name: "local-echo" }
                messages:
                  - { role: system, content: "Help" }
                judgeConfiguration:
                  judges:
                    - { key: "relevance-judge", samplingRate: 1 }
              relevance-judge:
                _ldMeta: { enabled: true, variationKey: "j1", version: 1, mode: "judge" }
                messages:
                  - { role: system, content: "Grade {{response_to_evaluate}}" }
                evaluationMetricKey: "$ld:ai:judge:relevance"
            """;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FixedJudgeModel.class)
                    .addAsResource(new StringAsset(FLAGS), "launchdarkly/flags.yaml"));

    /** The application's judge model: scores every answer 0.6. */
    @ApplicationScoped
    public static class FixedJudgeModel implements AiJudgeModel {
        @Override
        public AiJudgeAnswer evaluate(AiJudgeRequest request) {
            return AiJudgeAnswer.of(0.6, "graded " + request.messages().get(0).content(), null);
        }
    }

    @Inject
    JudgeDispatcher dispatcher;

    @Inject
    LaunchDarklyAi ai;

    @Inject
    LocalLaunchDarkly local;

    @Test
    void aDispatchedAnswerIsScoredOnItsRunByTheApplicationsJudgeModel() throws Exception {
        LDContext user = LDContext.create("user-1");
        AiCompletionConfig chat = ai.completionConfig("support-chat", user);
        AiConfigTracker run = chat.createTracker();
        assertThat(dispatcher.active()).isTrue();

        List<AiJudgeResult> results = dispatcher.dispatch("Where is my invoice?", "In your account.", run,
                chat.judgeConfiguration().orElseThrow()).get(10, TimeUnit.SECONDS);

        assertThat(results).extracting(AiJudgeResult::reasoning).containsExactly("graded Grade In your account.");
        RecordedEvent score = local.events().awaitCustomEvents("$ld:ai:judge:relevance", 1, Duration.ofSeconds(10))
                .get(0);
        assertThat(score.metricValue()).isEqualTo(0.6);
        assertThat(score.data().get("runId")).isEqualTo(LDValue.of(run.runId()));
        assertThat(score.data().get("judgeConfigKey")).isEqualTo(LDValue.of("relevance-judge"));
    }
}
