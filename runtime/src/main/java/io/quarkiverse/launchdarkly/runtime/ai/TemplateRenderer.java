package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

/**
 * Mustache as the official AI SDKs use it: no HTML escaping ({@code {{x}}} renders {@code <b>&"'} verbatim), a
 * missing or null variable renders {@code ""}, and, as in mustache.js, an empty string or zero is false in a section.
 * Dotted names such as {@code {{ldctx.key}}} walk nested maps.
 */
final class TemplateRenderer {

    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .defaultValue("")
            .emptyStringIsFalse(true)
            .zeroIsFalse(true);

    private TemplateRenderer() {
    }

    /**
     * Renders one template.
     *
     * @throws IllegalArgumentException when the template is not valid Mustache (the JavaScript SDK fails the call
     *         too)
     */
    static String render(String configKey, String template, Map<String, Object> variables) {
        try {
            return COMPILER.compile(template).execute(variables);
        } catch (MustacheException e) {
            throw new IllegalArgumentException("Cannot interpolate AI Config " + configKey + ": " + e.getMessage(), e);
        }
    }
}
