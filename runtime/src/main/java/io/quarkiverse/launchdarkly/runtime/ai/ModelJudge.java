package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiJudge;
import io.quarkiverse.launchdarkly.ai.AiJudgeAnswer;
import io.quarkiverse.launchdarkly.ai.AiJudgeConfig;
import io.quarkiverse.launchdarkly.ai.AiJudgeModel;
import io.quarkiverse.launchdarkly.ai.AiJudgeRequest;
import io.quarkiverse.launchdarkly.ai.AiJudgeResult;
import io.quarkiverse.launchdarkly.ai.AiMessage;
import io.quarkiverse.launchdarkly.ai.AiMetrics;

/**
 * The {@link AiJudge} over an application's {@link AiJudgeModel}. Where Java 0.3.0 differs it follows the reference:
 * a draw equal to the rate samples ({@code r > rate} skips; Java skips at {@code r >= rate}), the judge's messages
 * are handed to the model with the placeholders filled (Java hands only the formatted text), and an answer without a
 * reasoning string fails (Java accepts it).
 */
public final class ModelJudge implements AiJudge {

    private static final Logger LOG = Logger.getLogger(ModelJudge.class);
    private static final String MESSAGE_HISTORY = "{{message_history}}";
    private static final String RESPONSE_TO_EVALUATE = "{{response_to_evaluate}}";

    private final AiJudgeConfig config;
    private final double samplingRate;
    private final AiJudgeModel model;
    private final DoubleSupplier random;

    /** Use {@link AiJudge#of}; {@code random} {@code null} samples with {@link ThreadLocalRandom}. */
    public ModelJudge(AiJudgeConfig config, double samplingRate, AiJudgeModel model, DoubleSupplier random) {
        this.config = Objects.requireNonNull(config, "The judge config must not be null");
        this.model = Objects.requireNonNull(model, "The judge model must not be null");
        this.samplingRate = samplingRate;
        this.random = random == null ? () -> ThreadLocalRandom.current().nextDouble() : random;
    }

    @Override
    public AiJudgeConfig config() {
        return config;
    }

    @Override
    public double samplingRate() {
        return samplingRate;
    }

    @Override
    public AiJudgeResult evaluate(String input, String output) {
        Objects.requireNonNull(input, "The input a judge grades must not be null");
        Objects.requireNonNull(output, "The output a judge grades must not be null");
        String metricKey = config.evaluationMetricKey().orElse(null);
        if (!config.enabled()) {
            return notRun(metricKey, "The judge config " + config.key() + " is disabled");
        }
        if (metricKey == null) {
            return notRun(null, "The judge config " + config.key() + " has no evaluationMetricKey");
        }
        if (!sampled()) {
            return new AiJudgeResult(config.key(), false, null, false, metricKey, null, null);
        }
        AiJudgeRequest request = new AiJudgeRequest(config, messages(input, output),
                "MESSAGE HISTORY:\n" + input + "\n\nRESPONSE TO EVALUATE:\n" + output, OUTPUT_SCHEMA);
        AiConfigTracker tracker = config.createTracker();
        AiJudgeAnswer answer;
        try {
            answer = tracker.trackMetricsOf(a -> a == null ? AiMetrics.failed() : a.metrics(),
                    () -> model.evaluate(request));
        } catch (Exception e) {
            LOG.debugf(e, "The judge model of %s failed", config.key());
            return failed(metricKey, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        }
        if (answer == null) {
            return failed(metricKey, "The judge model of " + config.key() + " returned no answer");
        }
        if (!answer.metrics().success()) {
            return failed(metricKey, "The judge model of " + config.key() + " reported a failure");
        }
        LDValue score = answer.output().get("score");
        LDValue reasoning = answer.output().get("reasoning");
        if (!score.isNumber() || !Double.isFinite(score.doubleValue()) || score.doubleValue() < 0
                || score.doubleValue() > 1) {
            return failed(metricKey, "The answer of the judge model of " + config.key()
                    + " has no score between 0 and 1");
        }
        if (!reasoning.isString()) {
            return failed(metricKey, "The answer of the judge model of " + config.key() + " has no reasoning string");
        }
        return new AiJudgeResult(config.key(), true, null, true, metricKey, score.doubleValue(), reasoning.stringValue());
    }

    private boolean sampled() {
        if (samplingRate >= 1) {
            return true;
        }
        if (!(samplingRate > 0)) { // zero, negative or NaN
            return false;
        }
        return !(random.getAsDouble() > samplingRate);
    }

    /**
     * The judge's messages with the two placeholders replaced in one pass, so that an input containing
     * {@code {{response_to_evaluate}}} is not replaced again. Literal replacement, not Mustache: the messages were
     * interpolated already, and the graded text must reach the model as it is.
     */
    private List<AiMessage> messages(String input, String output) {
        List<AiMessage> filled = new ArrayList<>(config.messages().size());
        for (AiMessage message : config.messages()) {
            filled.add(message.withContent(fill(message.content(), input, output)));
        }
        return filled;
    }

    static String fill(String content, String input, String output) {
        StringBuilder result = new StringBuilder(content.length());
        int i = 0;
        while (i < content.length()) {
            if (content.startsWith(MESSAGE_HISTORY, i)) {
                result.append(input);
                i += MESSAGE_HISTORY.length();
            } else if (content.startsWith(RESPONSE_TO_EVALUATE, i)) {
                result.append(output);
                i += RESPONSE_TO_EVALUATE.length();
            } else {
                result.append(content.charAt(i++));
            }
        }
        return result.toString();
    }

    private AiJudgeResult notRun(String metricKey, String why) {
        return new AiJudgeResult(config.key(), false, why, false, metricKey, null, null);
    }

    private AiJudgeResult failed(String metricKey, String why) {
        return new AiJudgeResult(config.key(), false, why, true, metricKey, null, null);
    }

    @Override
    public String toString() {
        return "AiJudge[key=" + config.key() + ", samplingRate=" + samplingRate + "]";
    }
}
