package io.quarkiverse.launchdarkly.langchain4j.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.langchain4j.deployment.RequestChatModelBeanBuildItem;
import io.quarkiverse.launchdarkly.langchain4j.AiServiceRuns;
import io.quarkiverse.launchdarkly.langchain4j.LaunchDarklyAiConfig;
import io.quarkiverse.launchdarkly.langchain4j.runtime.LangChain4jIntegrationConfig;
import io.quarkiverse.launchdarkly.langchain4j.runtime.LangChain4jJudgeModel;
import io.quarkiverse.launchdarkly.langchain4j.runtime.LaunchDarklyAiConfigInterceptor;
import io.quarkiverse.launchdarkly.langchain4j.runtime.ProviderModels;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Registers the {@code @LaunchDarklyAiConfig} interceptor (quarkus-langchain4j copies interceptor bindings of an AI
 * service interface onto its generated implementation), the judge model backed by the default chat model and the
 * last-run accessor, and fails the build on wrong uses of the annotation.
 */
class LaunchDarklyLangChain4jProcessor {

    static final String FEATURE = "launchdarkly-langchain4j";
    static final DotName AI_CONFIG = DotName.createSimple(LaunchDarklyAiConfig.class);
    static final DotName REGISTER_AI_SERVICE = DotName.createSimple("io.quarkiverse.langchain4j.RegisterAiService");
    static final String LANGCHAIN4J = "quarkus.langchain4j.";
    static final DotName TOKEN_STREAM = DotName.createSimple("dev.langchain4j.service.TokenStream");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    void beans(BuildProducer<AdditionalBeanBuildItem> beans, BuildProducer<AdditionalIndexedClassesBuildItem> indexed) {
        // In the index, so that quarkus-langchain4j recognizes the annotation as an interceptor binding to copy.
        indexed.produce(new AdditionalIndexedClassesBuildItem(LaunchDarklyAiConfig.class.getName()));
        beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(LaunchDarklyAiConfigInterceptor.class)
                .setUnremovable().build());
        beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(AiServiceRuns.class).build());
        beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(ProviderModels.class).setUnremovable().build());
        // The judges' model unless the application has one; looked up through Instance, so kept explicitly.
        beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(LangChain4jJudgeModel.class)
                .setUnremovable().build());
    }

    /**
     * quarkus-langchain4j makes beans only of the models something injects: the models that answer variations by
     * provider are looked up at startup, so they are asked for here, once the build has checked that each is
     * configured (quarkus-langchain4j would otherwise make one of any provider and fail on its missing settings).
     */
    @BuildStep
    void providerModels(LangChain4jIntegrationConfig config, BuildProducer<RequestChatModelBeanBuildItem> models) {
        Set<String> configured = configuredModelNames();
        List<String> problems = new ArrayList<>();
        config.providerModel().forEach((provider, model) -> {
            String name = model.trim();
            if (!name.equals(ProviderModels.DEFAULT_MODEL) && !configured.contains(name)) {
                problems.add(ProviderModels.PROPERTY + ".\"" + provider + "\" names the model '" + name + "', but no"
                        + " quarkus.langchain4j." + name + ".* nor quarkus.langchain4j.<provider>." + name
                        + ".* property configures it; set quarkus.langchain4j." + name
                        + ".chat-model.provider (and that provider's settings for it), or remove the mapping");
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("\n", problems));
        }
        config.providerModel().values().stream().map(String::trim).distinct()
                .forEach(name -> models.produce(new RequestChatModelBeanBuildItem(name)));
    }

    /** The names {@code x} of the {@code quarkus.langchain4j.x.*} and {@code quarkus.langchain4j.provider.x.*} keys. */
    private static Set<String> configuredModelNames() {
        Set<String> names = new HashSet<>();
        for (String property : ConfigProvider.getConfig().getPropertyNames()) {
            if (!property.startsWith(LANGCHAIN4J)) {
                continue;
            }
            names.addAll(firstSegments(property.substring(LANGCHAIN4J.length()), 2));
        }
        return names;
    }

    /** The first {@code count} segments of a property name, unquoted ({@code "my.model".x} is one segment). */
    static List<String> firstSegments(String name, int count) {
        List<String> segments = new ArrayList<>(count);
        StringBuilder segment = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length() && segments.size() < count; i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                segments.add(segment.toString());
                segment.setLength(0);
            } else {
                segment.append(c);
            }
        }
        if (segments.size() < count && !segment.isEmpty()) {
            segments.add(segment.toString());
        }
        return segments;
    }

    @BuildStep
    void validate(CombinedIndexBuildItem combinedIndex, BuildProducer<ValidationErrorBuildItem> errors) {
        IndexView index = combinedIndex.getIndex();
        List<Throwable> problems = new ArrayList<>();
        for (AnnotationInstance annotation : index.getAnnotations(AI_CONFIG)) {
            AnnotationTarget target = annotation.target();
            ClassInfo type = target.kind() == AnnotationTarget.Kind.METHOD ? target.asMethod().declaringClass()
                    : target.kind() == AnnotationTarget.Kind.CLASS ? target.asClass() : null;
            if (type == null) {
                continue;
            }
            String where = target.kind() == AnnotationTarget.Kind.METHOD
                    ? type.name() + "#" + target.asMethod().name()
                    : type.name().toString();
            if (!type.isInterface() || !type.hasDeclaredAnnotation(REGISTER_AI_SERVICE)) {
                problems.add(new IllegalStateException("@LaunchDarklyAiConfig on " + where
                        + ": it binds AI services only, so it must be on a @RegisterAiService interface or one of"
                        + " its methods"));
                continue;
            }
            String key = annotation.value() == null ? "" : annotation.value().asString();
            if (key.isBlank()) {
                problems.add(new IllegalStateException("@LaunchDarklyAiConfig on " + where
                        + ": the AI Config key must not be blank"));
            }
            List<MethodInfo> methods = target.kind() == AnnotationTarget.Kind.METHOD ? List.of(target.asMethod())
                    : type.methods();
            for (MethodInfo method : methods) {
                if (method.returnType().name().equals(TOKEN_STREAM)) {
                    problems.add(new IllegalStateException("@LaunchDarklyAiConfig on " + type.name() + "#"
                            + method.name() + ": a TokenStream starts the model call outside the method, so the"
                            + " AI Config cannot apply to it; return Multi<String> instead"));
                }
            }
        }
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(problems));
        }
    }
}
