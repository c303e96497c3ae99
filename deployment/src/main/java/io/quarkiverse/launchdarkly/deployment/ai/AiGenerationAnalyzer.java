package io.quarkiverse.launchdarkly.deployment.ai;

import static io.quarkiverse.launchdarkly.deployment.common.MethodSignatures.LD_CONTEXT;
import static io.quarkiverse.launchdarkly.deployment.common.MethodSignatures.STRING;
import static io.quarkiverse.launchdarkly.deployment.common.MethodSignatures.classify;
import static io.quarkiverse.launchdarkly.deployment.common.MethodSignatures.describe;
import static io.quarkiverse.launchdarkly.deployment.common.MethodSignatures.hasJsonForm;
import static io.quarkiverse.launchdarkly.deployment.common.MethodSignatures.parameterName;
import static io.quarkiverse.launchdarkly.deployment.common.MethodSignatures.typeArgument;
import static io.quarkiverse.launchdarkly.deployment.common.MethodSignatures.typeKey;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiAgentConfig;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDefault;
import io.quarkiverse.launchdarkly.ai.AiConfigMode;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiVariable;
import io.quarkiverse.launchdarkly.deployment.ai.AiGenerationsBuildItem.Generation;
import io.quarkiverse.launchdarkly.deployment.common.MethodSignatures;
import io.quarkiverse.launchdarkly.deployment.common.MethodSignatures.ResultClassification;
import io.quarkiverse.launchdarkly.runtime.ai.generation.GenerationPlan;
import io.quarkiverse.launchdarkly.runtime.calls.ResultKind;

/**
 * Reads every {@link AiGeneration} method from the index, checks it against the rules, picks the extractor for its
 * result type, and turns each valid one into the {@link GenerationPlan} its interceptor runs. Every mistake is
 * collected with the class, method and rule, so one build reports them all. Pure Jandex.
 */
final class AiGenerationAnalyzer {

    static final DotName AI_GENERATION = DotName.createSimple(AiGeneration.class);
    private static final DotName AI_VARIABLE = DotName.createSimple(AiVariable.class);
    private static final DotName LAUNCHDARKLY_CONTEXT = DotName.createSimple(LaunchDarklyContext.class);
    private static final DotName TRACKER = DotName.createSimple(AiConfigTracker.class);
    private static final DotName AI_CONFIG = DotName.createSimple(AiConfig.class);
    private static final DotName AI_CONFIG_DEFAULT = DotName.createSimple(AiConfigDefault.class);
    private static final DotName OBJECT = DotName.createSimple(Object.class);
    private static final DotName VOID = DotName.createSimple(Void.class);
    private static final Map<DotName, AiConfigMode> CONFIG_TYPES = Map.of(
            DotName.createSimple(AiCompletionConfig.class), AiConfigMode.COMPLETION,
            DotName.createSimple(AiAgentConfig.class), AiConfigMode.AGENT,
            DotName.createSimple(io.quarkiverse.launchdarkly.ai.AiJudgeConfig.class), AiConfigMode.JUDGE);

    private final IndexView index;
    /** Every class of the class path, JDK and libraries included: return types are classified by their hierarchy. */
    private final IndexView classpath;
    private final AiExtractorsBuildItem extractors;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    AiGenerationAnalyzer(IndexView index, IndexView classpath, AiExtractorsBuildItem extractors) {
        this.index = index;
        this.classpath = classpath;
        this.extractors = extractors;
    }

    /** The methods carrying {@link AiGeneration}, in a stable order. */
    List<MethodInfo> annotatedMethods() {
        return index.getAnnotations(AI_GENERATION).stream()
                .filter(annotation -> annotation.target().kind() == AnnotationTarget.Kind.METHOD)
                .map(annotation -> annotation.target().asMethod())
                .distinct()
                .sorted(MethodSignatures.ORDER)
                .toList();
    }

    /** Analyses one method; returns it with its plan, or null when it has mistakes (recorded in {@link #errors()}). */
    Generation analyse(MethodInfo method) {
        int errorsBefore = errors.size();
        Consumer<String> error = rule -> errors.add("@AiGeneration on " + describe(method) + ": " + rule);
        AnnotationInstance annotation = method.annotation(AI_GENERATION);

        if (Modifier.isPrivate(method.flags())) {
            error.accept("the method is private; interceptors cannot apply to private methods, make it at least"
                    + " package-private");
        }
        if (Modifier.isStatic(method.flags())) {
            error.accept("the method is static; only methods of CDI bean instances can be intercepted");
        }
        String configKey = annotation.value("config").asString();
        if (configKey.isBlank()) {
            error.accept("the config key is blank; set config to the AI Config key");
        } else if (!configKey.equals(configKey.strip())) {
            error.accept("the config key '" + configKey + "' has spaces around it; flag keys have none");
        }

        // Parameters
        int contextParameter = -1;
        int configParameter = -1;
        int trackerParameter = -1;
        AiConfigMode mode = AiConfigMode.COMPLETION;
        List<String> variableNames = new ArrayList<>();
        List<Integer> variableParameters = new ArrayList<>();
        for (int i = 0; i < method.parametersCount(); i++) {
            Type type = method.parameterType(i);
            MethodParameterInfo parameter = method.parameters().get(i);
            String name = parameterName(method, i);
            if (parameter.hasDeclaredAnnotation(LAUNCHDARKLY_CONTEXT)) {
                if (contextParameter >= 0) {
                    error.accept("two @LaunchDarklyContext parameters ('" + parameterName(method, contextParameter) + "' and '"
                            + name + "'); a config is evaluated for one context");
                } else {
                    contextParameter = i;
                }
                if (!type.name().equals(LD_CONTEXT) && !type.name().equals(STRING)) {
                    error.accept("@LaunchDarklyContext parameter '" + name + "' is a " + type
                            + "; it must be an LDContext or a String user key");
                }
            }
            AiConfigMode parameterMode = CONFIG_TYPES.get(type.name());
            if (parameterMode != null) {
                if (configParameter >= 0) {
                    error.accept("two config parameters ('" + parameterName(method, configParameter) + "' and '" + name
                            + "'); the method gets one config");
                } else {
                    configParameter = i;
                    mode = parameterMode;
                }
            } else if (type.name().equals(AI_CONFIG)) {
                error.accept("config parameter '" + name + "' is an AiConfig; declare AiCompletionConfig, AiAgentConfig"
                        + " or AiJudgeConfig, which also chooses the mode the config is evaluated in");
            }
            if (type.name().equals(TRACKER)) {
                if (trackerParameter >= 0) {
                    error.accept("two AiConfigTracker parameters ('" + parameterName(method, trackerParameter)
                            + "' and '" + name + "'); a call has one run");
                } else {
                    trackerParameter = i;
                }
            }
            AnnotationInstance variable = parameter.declaredAnnotation(AI_VARIABLE);
            if (variable != null) {
                String variableName = variable.value().asString();
                if (variableName.isBlank()) {
                    error.accept("@AiVariable on parameter '" + name + "' has a blank name");
                } else if (variableName.equals("ldctx")) {
                    error.accept("@AiVariable on parameter '" + name + "' is named 'ldctx', which is reserved for the"
                            + " evaluation context");
                } else if (variableNames.contains(variableName)) {
                    error.accept("@AiVariable name '" + variableName + "' is used twice");
                } else {
                    variableNames.add(variableName);
                    variableParameters.add(i);
                }
                if (type.name().equals(OBJECT) || !hasJsonForm(index, type)) {
                    error.accept("@AiVariable parameter '" + name + "' is a " + type + ", which templates cannot read"
                            + " (use a string, number, boolean, enum, collection, map or LDValue)");
                }
            }
        }

        // Result
        ResultClassification classification = classify(classpath, method.returnType());
        ResultKind kind = classification.kind();
        Type resultType = method.returnType();
        if (kind == null) {
            error.accept(classification.rejection());
        } else if (kind != ResultKind.SYNC) {
            resultType = typeArgument(method.returnType());
        }

        MethodInfo fallback = fallback(method, stringValue(annotation, "fallback"), error);
        MethodInfo defaultConfig = defaultConfig(method, stringValue(annotation, "defaultConfig"), error);

        if (errors.size() > errorsBefore) {
            return null;
        }
        String extractor = extractor(method, kind, resultType);
        GenerationPlan plan = new GenerationPlan(describe(method), configKey, mode, kind, contextParameter,
                configParameter, trackerParameter, variableNames, variableParameters, extractor, fallback != null,
                defaultConfig != null, annotation.value("judges") == null || annotation.value("judges").asBoolean());
        return new Generation(method, plan, fallback, defaultConfig);
    }

    /** The fallback: a method of the same class with the same parameter types and return type, not private. */
    private MethodInfo fallback(MethodInfo method, String name, Consumer<String> error) {
        if (name.isEmpty()) {
            return null;
        }
        List<MethodInfo> named = method.declaringClass().methods().stream().filter(m -> m.name().equals(name))
                .toList();
        String expected = "(" + method.parameterTypes().stream().map(Type::toString).collect(Collectors.joining(", "))
                + ") returning " + method.returnType();
        if (named.isEmpty()) {
            error.accept("the fallback '" + name + "' is not a method of " + method.declaringClass().name()
                    + "; declare " + name + expected);
            return null;
        }
        MethodInfo fallback = named.stream().filter(m -> typeKeys(m).equals(typeKeys(method))).findFirst().orElse(null);
        if (fallback == null || !typeKey(fallback.returnType()).equals(typeKey(method.returnType()))) {
            MethodInfo shown = fallback == null ? named.get(0) : fallback;
            error.accept("the fallback '" + name + "' has a different signature: it is " + describe(shown)
                    + " returning " + shown.returnType() + ", it must take " + expected);
            return null;
        }
        if (fallback.equals(method)) {
            // It would call itself for every disabled config, until the stack overflows.
            error.accept("the fallback '" + name + "' is the annotated method itself; name another method that"
                    + " answers without the model");
            return null;
        }
        if (Modifier.isPrivate(fallback.flags())) {
            error.accept("the fallback '" + name + "' is private; make it at least package-private so that it can be"
                    + " invoked");
            return null;
        }
        return fallback;
    }

    /** The default config method: same class, no parameters, returns AiConfigDefault, not private. */
    private MethodInfo defaultConfig(MethodInfo method, String name, Consumer<String> error) {
        if (name.isEmpty()) {
            return null;
        }
        MethodInfo found = method.declaringClass().method(name);
        if (found == null || !found.returnType().name().equals(AI_CONFIG_DEFAULT)) {
            error.accept("the defaultConfig '" + name + "' must be a method of " + method.declaringClass().name()
                    + " with no parameters returning AiConfigDefault");
            return null;
        }
        if (Modifier.isPrivate(found.flags())) {
            error.accept("the defaultConfig '" + name + "' is private; make it at least package-private so that it can"
                    + " be invoked");
            return null;
        }
        return found;
    }

    /** The extractor class for the result (a Multi's chunk), or "" with a warning when there is none. */
    private String extractor(MethodInfo method, ResultKind kind, Type resultType) {
        if (resultType != null && (resultType.kind() == Type.Kind.VOID || resultType.name().equals(VOID))) {
            return "";
        }
        String extractor = resultType == null ? null : extractors.extractorFor(typeKey(resultType));
        if (extractor != null) {
            return extractor;
        }
        String what = resultType == null ? "its raw return type " + method.returnType()
                : (kind == ResultKind.MULTI ? "its stream chunks of type " : "its result type ") + typeKey(resultType);
        String typeArgument = resultType == null ? "T" : typeKey(resultType).replaceAll("[\\w$]+\\.", "");
        warnings.add("@AiGeneration on " + describe(method) + ": no AiMetricsExtractor reads " + what
                + ", so only the duration and success or error are recorded (no tokens or tool calls). To record them,"
                + " add a bean implementing AiMetricsExtractor<" + typeArgument + ">, or return a response type with"
                + " a built-in extractor (LangChain4j ChatResponse, OpenAI ChatCompletion, Anthropic Message,"
                + " Bedrock ConverseResponse)");
        return "";
    }

    /** Parameter types as written, without type annotations (such as validation constraints), which do not count. */
    private static List<String> typeKeys(MethodInfo method) {
        return method.parameterTypes().stream().map(MethodSignatures::typeKey).toList();
    }

    List<String> errors() {
        return errors;
    }

    List<String> warnings() {
        return warnings;
    }

    private static String stringValue(AnnotationInstance annotation, String name) {
        AnnotationValue value = annotation.value(name);
        return value == null ? "" : value.asString().trim();
    }
}
