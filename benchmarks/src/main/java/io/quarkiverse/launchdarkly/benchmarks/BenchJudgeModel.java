package io.quarkiverse.launchdarkly.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.ai.AiJudgeAnswer;
import io.quarkiverse.launchdarkly.ai.AiJudgeModel;
import io.quarkiverse.launchdarkly.ai.AiJudgeRequest;

/**
 * The judges' model of the benchmark: answers after 2 ms, as a (very fast) remote model would, so that the judges'
 * threads are busy and their queue fills, as it does when a service answers faster than its judges grade.
 */
@ApplicationScoped
public class BenchJudgeModel implements AiJudgeModel {

    @Override
    public AiJudgeAnswer evaluate(AiJudgeRequest request) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        return AiJudgeAnswer.of(0.9, "relevant", null);
    }
}
