package io.quarkiverse.launchdarkly.ai;

import java.util.function.Function;

import io.quarkiverse.launchdarkly.runtime.ai.extractors.BuiltInExtractors;

/**
 * Turns a model response into the {@link AiMetrics} that {@link AiConfigTracker#trackMetricsOf} sends (success or
 * error, token usage, tool calls).
 * <p>
 * The extension ships extractors for the responses of common libraries (see {@link BuiltInExtractors}); each is
 * only used when its library is on the application's classpath. For any other response type, implement this
 * interface as a CDI bean (for example {@code @ApplicationScoped}) with the response type as the type argument:
 *
 * <pre>
 * &#64;ApplicationScoped
 * public class MyResponseExtractor implements AiMetricsExtractor&lt;MyResponse&gt; {
 *
 *     public AiMetrics extract(MyResponse response) {
 *         return AiMetrics.succeeded(new AiTokenUsage(response.total(), response.in(), response.out()));
 *     }
 *
 *     public Class&lt;MyResponse&gt; responseType() {
 *         return MyResponse.class;
 *     }
 * }
 * </pre>
 *
 * The build picks the extractor of a method from its declared return type: the type argument {@code T} as written
 * in the {@code implements AiMetricsExtractor<T>} clause of the bean class (read from the Jandex index, without
 * loading the class) must be exactly that return type. {@link #responseType()} returns the same class at run time.
 * <p>
 * An extractor must not return {@code null}, and should not throw for absent optional fields of the response: when
 * the response does not say how many tokens were used, return metrics with {@code null} tokens.
 *
 * @param <T> the response type this extractor reads
 */
public interface AiMetricsExtractor<T> extends Function<T, AiMetrics> {

    /**
     * The metrics of one response.
     *
     * @param response what the model call returned
     * @return the metrics to send, never {@code null}
     */
    AiMetrics extract(T response);

    /**
     * The text of the answer in one response (or one chunk of a stream), which the judges of the variation grade.
     * {@code null}, the default, when the response has none or the extractor does not read it: then no judge runs
     * for a call answered with this type.
     */
    default String text(T response) {
        return null;
    }

    /** The response type this extractor reads: the type argument {@code T}. */
    Class<T> responseType();

    /**
     * Same as {@link #extract}, so that an extractor can be passed to
     * {@link AiConfigTracker#trackMetricsOf(java.util.function.Function, io.quarkiverse.launchdarkly.ai.ModelCall)}
     * directly.
     */
    @Override
    default AiMetrics apply(T response) {
        return extract(response);
    }
}
