package io.quarkiverse.launchdarkly.ai;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Passes a parameter of an {@link AiGeneration} method to the AI Config's templates under this name, so that
 * {@code {{topic}}} in a message or in the instructions renders the argument. Supported types: strings, primitives and
 * their boxes, numbers, enums (rendered by {@code toString()}), {@code LDValue} (walked as JSON), and collections and
 * maps of strings, numbers and booleans (an {@code LDValue} inside a collection is rendered as its JSON text).
 * {@code ldctx} is reserved for the evaluation context.
 */
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface AiVariable {

    /** The variable name used in the templates. */
    String value();
}
