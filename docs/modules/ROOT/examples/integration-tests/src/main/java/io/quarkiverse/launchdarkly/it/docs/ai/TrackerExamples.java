package io.quarkiverse.launchdarkly.it.docs.ai;

// tag::imports[]
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.ai.AgentRequest;
import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDefault;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiFeedbackKind;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfig;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfiguration;
import io.quarkiverse.launchdarkly.ai.AiJudgeResult;
import io.quarkiverse.launchdarkly.ai.AiMessage;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiModel;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;

// end::imports[]

/** The docs' AI Config client examples, one method each; AiExamplesTest runs them against the stand-in. */
@ApplicationScoped
public class TrackerExamples {

    @Inject
    LaunchDarklyAi ai;

    @Inject
    ModelClient model;

    // tag::default[]
    static final AiConfigDefault FALLBACK = AiConfigDefault.builder()
            .enabled(true) // disabled unless said
            .model(AiModel.named("gpt-4o-mini").withParameter("temperature", LDValue.of(0.2)))
            .provider("openai")
            .message(AiMessage.system("You help {{ldctx.name}} with their support tickets."))
            .message(AiMessage.user("{{question}}"))
            .build();
    // end::default[]

    AiCompletionConfig withFallback(LDContext customer, String question) {
        return ai.completionConfig("support-assistant", customer, FALLBACK, Map.of("question", question));
    }

    // tag::agents[]
    String triageInstructions(LDContext customer, AiConfigDefault billingFallback, String customerPlan) {
        Map<String, AiAgentConfig> agents = ai.agentConfigs(List.of(
                AgentRequest.of("triage"),
                AgentRequest.of("billing-agent", billingFallback, Map.of("plan", customerPlan))), customer);
        return agents.get("triage").instructions().orElse("");
    }
    // end::agents[]

    // tag::metrics-of[]
    public Reply answer(LDContext customer, AiCompletionConfig config) throws IOException {
        AiConfigTracker tracker = config.createTracker();
        return tracker.trackMetricsOf(
                reply -> new AiMetrics(reply.finishedNormally(),
                        new AiTokenUsage(reply.totalTokens(), reply.inputTokens(), reply.outputTokens()),
                        reply.toolNames()),
                () -> model.chat(config.model().map(AiModel::name).orElseThrow(), config.messages())); // throws IOException
    }
    // end::metrics-of[]

    // tag::duration-of[]
    Reply answerMeasured(AiCompletionConfig config, String modelName) throws IOException {
        AiConfigTracker tracker = config.createTracker();
        Reply reply;
        try {
            reply = tracker.trackDurationOf(() -> model.chat(modelName, config.messages()));
        } catch (IOException e) {
            tracker.trackError();
            throw e;
        }
        tracker.trackSuccess();
        tracker.trackTokens(AiTokenUsage.of(reply.inputTokens(), reply.outputTokens()));
        return reply;
    }
    // end::duration-of[]

    // tag::time-to-first-token[]
    void stream(AiCompletionConfig config, StringBuilder answer) {
        AiConfigTracker tracker = config.createTracker();
        long start = System.nanoTime();
        AtomicBoolean firstToken = new AtomicBoolean();
        model.stream(config.messages(), token -> {
            if (firstToken.compareAndSet(false, true)) {
                tracker.trackTimeToFirstToken((System.nanoTime() - start) / 1_000_000);
            }
            answer.append(token).append(' '); // forward the token
        });
    }
    // end::time-to-first-token[]

    // tag::resumption-token[]
    // With the answer
    String answerWithToken(AiCompletionConfig config) throws IOException {
        AiConfigTracker tracker = config.createTracker();
        tracker.trackMetricsOf(new ReplyExtractor(), () -> model.chat("gpt-4o", config.messages()));
        return tracker.resumptionToken();
    }

    // Later, in POST /feedback
    void feedback(String token, LDContext customer, boolean helpful) {
        AiConfigTracker tracker = ai.trackerFromResumptionToken(token, customer);
        tracker.trackFeedback(helpful ? AiFeedbackKind.POSITIVE : AiFeedbackKind.NEGATIVE);
    }
    // end::resumption-token[]

    // tag::judges[]
    void judge(LDContext customer, AiCompletionConfig config, AiConfigTracker tracker, String history, String answer) {
        for (AiJudgeConfiguration.Judge ref : config.judgeConfiguration().map(AiJudgeConfiguration::judges)
                .orElse(List.of())) {
            if (ThreadLocalRandom.current().nextDouble() >= ref.samplingRate()) {
                continue;
            }
            AiJudgeConfig judge = ai.judgeConfig(ref.key(), customer);
            if (!judge.enabled() || judge.evaluationMetricKey().isEmpty()) {
                continue;
            }
            double score = model.score(judge.messages(), history, answer); // your judge model
            tracker.trackJudgeResult(AiJudgeResult.scored(ref.key(), judge.evaluationMetricKey().get(), score));
        }
    }
    // end::judges[]
}
