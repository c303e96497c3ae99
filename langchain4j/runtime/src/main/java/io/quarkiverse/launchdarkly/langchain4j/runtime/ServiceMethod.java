package io.quarkiverse.launchdarkly.langchain4j.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.service.V;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiConfigMode;
import io.quarkiverse.launchdarkly.langchain4j.LaunchDarklyAiConfig;
import io.quarkiverse.launchdarkly.runtime.calls.ResultKind;
import io.smallrye.mutiny.Multi;

/**
 * What the interceptor needs of one AI service method, read once per method: the AI Config key and mode, the
 * parameter giving the context, the names under which the arguments are template variables, and how the method
 * returns its answer. The build has checked the annotation's use.
 */
record ServiceMethod(String name, String configKey, AiConfigMode mode, int contextParameter, String[] variableNames,
        ResultKind resultKind, boolean callsModel) {

    private static final Map<Method, ServiceMethod> METHODS = new ConcurrentHashMap<>();

    static ServiceMethod of(Method method, LaunchDarklyAiConfig binding) {
        return METHODS.computeIfAbsent(method, m -> read(m, binding));
    }

    private static ServiceMethod read(Method implementation, LaunchDarklyAiConfig binding) {
        Method method = declared(implementation);
        // On the interface, the binding reaches every method of the generated class: the interfaces quarkus-langchain4j
        // adds (AutoCloseable#close, chat memory access) and the service's default methods (a @Fallback's) are not
        // model calls.
        boolean callsModel = method != null && Modifier.isAbstract(method.getModifiers());
        if (method == null) {
            method = implementation;
        }
        Parameter[] parameters = method.getParameters();
        int contextParameter = -1;
        String[] names = new String[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isAnnotationPresent(LaunchDarklyContext.class)) {
                contextParameter = i;
            }
            V v = parameters[i].getAnnotation(V.class);
            names[i] = v != null ? v.value() : parameters[i].getName();
        }
        ResultKind kind = Multi.class.isAssignableFrom(method.getReturnType()) ? ResultKind.MULTI : ResultKind.SYNC;
        String name = method.getDeclaringClass().getName() + "#" + method.getName();
        return new ServiceMethod(name, binding.value(), binding.mode(), contextParameter, names, kind, callsModel);
    }

    /**
     * The method of the {@code @RegisterAiService} interface (or of an interface it extends) that {@code implementation}
     * implements, {@code null} when it implements none: the generated implementation's method carries neither the
     * parameters' names nor their annotations.
     */
    private static Method declared(Method implementation) {
        Class<?> declaring = implementation.getDeclaringClass();
        Class<?>[] candidates = declaring.isInterface() ? new Class<?>[] { declaring } : declaring.getInterfaces();
        for (Class<?> type : candidates) {
            if (!type.isAnnotationPresent(RegisterAiService.class)) {
                continue; // one of the interfaces quarkus-langchain4j adds
            }
            try {
                return type.getMethod(implementation.getName(), implementation.getParameterTypes());
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
        return null;
    }

    /** The arguments by template variable name, for the config's Mustache templates. */
    Map<String, Object> variables(Object[] args) {
        if (args == null || args.length == 0) {
            return Map.of();
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < args.length && i < variableNames.length; i++) {
            if (i != contextParameter && args[i] != null) {
                variables.put(variableNames[i], args[i]);
            }
        }
        return variables.isEmpty() ? Map.of() : new HashMap<>(variables);
    }
}
