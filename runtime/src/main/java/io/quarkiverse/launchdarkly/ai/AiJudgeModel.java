package io.quarkiverse.launchdarkly.ai;

/**
 * The model call of a judge: the application's way to ask its model for a structured score. Java has no provider
 * packages as the official Python and JavaScript SDKs do, so the application supplies this call, either to
 * {@link AiJudge#of} directly or as a CDI bean that the extension's background judges use.
 * <p>
 * The implementation sends {@link AiJudgeRequest#conversation()} (or its parts) to the model named by
 * {@link AiJudgeRequest#judge()}, asks for structured output with {@link AiJudgeRequest#outputSchema()}, and returns
 * the JSON answer with the call's metrics. Exceptions are recorded on the judge's run as an error and give a failed
 * {@link AiJudgeResult}; they never reach the graded call.
 */
@FunctionalInterface
public interface AiJudgeModel {

    /**
     * Asks the judge model for its verdict.
     *
     * @return the answer, {@code {"score": 0..1, "reasoning": "..."}}, and the metrics of the call
     */
    AiJudgeAnswer evaluate(AiJudgeRequest request) throws Exception;
}
