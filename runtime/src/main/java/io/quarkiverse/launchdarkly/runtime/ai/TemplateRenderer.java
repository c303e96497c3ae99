package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

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

    /**
     * Compiled templates by their text: a variation's messages are the same on every call until the flag changes.
     * Bounded: when a flood of distinct templates fills it, it starts over rather than growing.
     */
    private static final int CACHE_LIMIT = 512;
    private static final Map<String, Template> COMPILED = new ConcurrentHashMap<>();

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
            return compiled(template).execute(variables);
        } catch (MustacheException e) {
            throw new IllegalArgumentException("Cannot interpolate AI Config " + configKey + ": " + e.getMessage(), e);
        }
    }

    private static Template compiled(String template) {
        Template compiled = COMPILED.get(template);
        if (compiled == null) {
            compiled = COMPILER.compile(template); // throws on invalid Mustache, which is then not cached
            if (COMPILED.size() >= CACHE_LIMIT) {
                COMPILED.clear();
            }
            COMPILED.put(template, compiled);
        }
        return compiled;
    }
}
