package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launchdarkly.sdk.AttributeRef;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;

/**
 * The {@code ldctx} template variable and the conversion of JSON values into what Mustache walks (maps, lists,
 * strings, numbers, booleans).
 * <p>
 * Shape (the one of the Java, .NET and Go AI SDKs): a single-kind context is
 * {@code {kind, key, name?, anonymous, ...custom attributes}}; a multi-kind context is
 * {@code {"kind":"multi", "key": <fully qualified key>, "<kind>": {key, name?, anonymous, ...}}}, so
 * {@code {{ldctx.key}}} of a multi-kind context renders its fully qualified key (JavaScript renders nothing there).
 */
final class ContextVariables {

    private ContextVariables() {
    }

    static Map<String, Object> ldctx(LDContext context) {
        if (context == null || !context.isValid()) {
            return Map.of();
        }
        if (!context.isMultiple()) {
            return single(context, true);
        }
        Map<String, Object> multi = new LinkedHashMap<>();
        multi.put("kind", "multi");
        for (int i = 0; i < context.getIndividualContextCount(); i++) {
            LDContext individual = context.getIndividualContext(i);
            multi.put(individual.getKind().toString(), single(individual, false));
        }
        // After the kinds, so that it wins even over a kind named "key".
        multi.put("key", context.getFullyQualifiedKey());
        return multi;
    }

    private static Map<String, Object> single(LDContext context, boolean withKind) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (withKind) {
            map.put("kind", context.getKind().toString());
        }
        map.put("key", context.getKey());
        if (context.getName() != null) {
            map.put("name", context.getName());
        }
        map.put("anonymous", context.isAnonymous());
        for (String attribute : context.getCustomAttributeNames()) {
            map.put(attribute, toJava(context.getValue(AttributeRef.fromLiteral(attribute))));
        }
        return map;
    }

    /**
     * A JSON value as plain Java. Whole numbers become {@code Long} so that {@code 3} renders {@code 3} (as in
     * JavaScript) and not {@code 3.0}.
     */
    static Object toJava(LDValue value) {
        switch (value.getType()) {
            case BOOLEAN:
                return value.booleanValue();
            case NUMBER:
                double number = value.doubleValue();
                if (number == Math.rint(number) && !Double.isInfinite(number) && Math.abs(number) < 1e15) {
                    return (long) number;
                }
                return number;
            case STRING:
                return value.stringValue();
            case ARRAY:
                List<Object> list = new ArrayList<>();
                value.values().forEach(element -> list.add(toJava(element)));
                return list;
            case OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                value.keys().forEach(key -> map.put(key, toJava(value.get(key))));
                return map;
            default:
                return null;
        }
    }
}
