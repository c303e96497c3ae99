package io.quarkiverse.launchdarkly.ai;

import java.util.ArrayList;
import java.util.List;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.LDValueType;

/**
 * The judges attached to a completion or agent config ({@code judgeConfiguration.judges}). Run them with
 * {@link LaunchDarklyAi#judgeEvaluator} or one by one with {@link AiJudge}.
 *
 * @param judges the judge configs to apply, in flag order
 */
public record AiJudgeConfiguration(List<Judge> judges) {

    public AiJudgeConfiguration {
        judges = judges == null ? List.of() : List.copyOf(judges);
    }

    /**
     * One judge reference.
     *
     * @param key the key of the judge's AI Config (evaluate it with {@link LaunchDarklyAi#judgeConfig})
     * @param samplingRate the share of runs the judge should look at, 0 to 1
     */
    public record Judge(String key, double samplingRate) {
    }

    public LDValue toLDValue() {
        var array = LDValue.buildArray();
        for (Judge judge : judges) {
            array.add(LDValue.buildObject().put("key", judge.key()).put("samplingRate", judge.samplingRate()).build());
        }
        return LDValue.buildObject().put("judges", array.build()).build();
    }

    /** Reads the {@code judgeConfiguration} object of an AI Config flag value; {@code null} when there is none. */
    public static AiJudgeConfiguration fromLDValue(LDValue configuration) {
        if (configuration.getType() != LDValueType.OBJECT) {
            return null;
        }
        List<Judge> judges = new ArrayList<>();
        LDValue entries = configuration.get("judges");
        for (LDValue judge : entries.getType() == LDValueType.ARRAY ? entries.values() : List.<LDValue> of()) {
            if (judge.get("key").isString()) {
                LDValue rate = judge.get("samplingRate");
                // A judge without a sampling rate looks at every run.
                judges.add(new Judge(judge.get("key").stringValue(), rate.isNumber() ? rate.doubleValue() : 1.0));
            }
        }
        return new AiJudgeConfiguration(judges);
    }
}
