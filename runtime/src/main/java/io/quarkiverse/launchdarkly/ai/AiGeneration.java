package io.quarkiverse.launchdarkly.ai;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import io.quarkiverse.launchdarkly.ContextResolver;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;

/**
 * Marks a bean method that calls a model with the AI Config that chooses its model and prompts. Each call:
 * <ol>
 * <li>resolves the evaluation context: a {@code @LaunchDarklyContext} parameter, else the {@code ContextResolver} beans,
 * else the security principal (the order of {@code @TrackedMetric});</li>
 * <li>evaluates the AI Config {@link #config()} for that context, with the {@link AiVariable} parameters as template
 * variables, which sends the config's usage event;</li>
 * <li>when the config is disabled, does not run the method: the {@link #fallback()} method answers with the same
 * arguments, or an {@link AiConfigDisabledException} is thrown;</li>
 * <li>otherwise hands the config to the method through its parameter of the config type ({@link AiCompletionConfig},
 * {@link AiAgentConfig} or {@link AiJudgeConfig}, which also chooses the mode; completion when there is none) and the
 * run's {@link AiConfigTracker} through a parameter of that type, if declared; callers pass {@code null} for
 * both;</li>
 * <li>runs the method and records, on a new tracker, the duration, success or error, and the tokens and tool calls an
 * {@link io.quarkiverse.launchdarkly.ai.AiMetricsExtractor extractor} reads from the result. The
 * extractor is chosen at build time from the declared return type. A {@code Multi} also records the time to first
 * token at its first item; {@code Uni} and {@code CompletionStage} results are tracked when they complete.</li>
 * </ol>
 * The method's result and exceptions pass through unchanged; tracking failures are logged and counted, never thrown.
 * Mistakes (blank key, unknown fallback, two config parameters...) fail the build, all listed at once.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface AiGeneration {

    /** The AI Config key (the flag key). */
    String config();

    /**
     * The name of a method of the same class, with the same parameter types and return type, that answers when the
     * config is disabled. It receives the same arguments, with the disabled config and its tracker filled in; when no
     * context could be resolved or the evaluation failed, it answers too, with {@code null} for both. Empty: an
     * {@link AiConfigDisabledException} is thrown instead, whose {@code reason()} says which case it was.
     */
    String fallback() default "";

    /**
     * The name of a method of the same class, with no parameters, returning the
     * {@link AiConfigDefault} to use when LaunchDarkly has no value for the flag (unknown flag, SDK not initialized).
     * Empty: such a config is disabled.
     */
    String defaultConfig() default "";

    /**
     * Whether the judges the variation lists grade this method's answers. When the variation names judges and the
     * application has an {@link AiJudgeModel} bean, each successful call's input and answer are handed to them in the
     * background (the call does not wait), and their scores land on the call's run. {@code false} opts this method
     * out.
     */
    boolean judges() default true;
}
