package io.quarkiverse.launchdarkly.langchain4j;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import io.quarkiverse.launchdarkly.ai.AiConfigMode;

/**
 * Binds the methods of a {@code @RegisterAiService} interface (on the interface: all of them; on a method: that one)
 * to a LaunchDarkly AI Config. On every call:
 * <ul>
 * <li>the config is evaluated for the caller's context (a {@code @LaunchDarklyContext} parameter, else the
 * {@code ContextResolver} beans, else the security identity), its Mustache templates seeing {@code ldctx} and the
 * method's parameters by name ({@code @V} names included);</li>
 * <li>the variation's system messages (completion mode) or instructions (agent mode) replace the service's system
 * message in every request of the call, its other messages follow it, and the service's user message is kept;</li>
 * <li>the variation's model name and parameters override those of the service's configured model for the call;</li>
 * <li>duration, success or error, tokens summed over the call's model requests, tool calls and, for a
 * {@code Multi}, time to first token are sent as the AI Config trackers send them.</li>
 * </ul>
 * A config that is disabled for the caller (or that cannot be evaluated) throws
 * {@link io.quarkiverse.launchdarkly.ai.AiConfigDisabledException} before the model is called; a SmallRye Fault
 * Tolerance {@code @Fallback} on the method answers it.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface LaunchDarklyAiConfig {

    /** The AI Config key. */
    @Nonbinding
    String value();

    /** Whether the config is a completion config (messages) or an agent config (instructions). */
    @Nonbinding
    AiConfigMode mode() default AiConfigMode.COMPLETION;
}
