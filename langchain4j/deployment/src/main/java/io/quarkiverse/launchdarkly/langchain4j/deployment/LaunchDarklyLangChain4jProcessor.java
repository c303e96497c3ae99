package io.quarkiverse.launchdarkly.langchain4j.deployment;

import java.util.ArrayList;
import java.util.List;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.launchdarkly.langchain4j.AiServiceRuns;
import io.quarkiverse.launchdarkly.langchain4j.LaunchDarklyAiConfig;
import io.quarkiverse.launchdarkly.langchain4j.runtime.LangChain4jJudgeModel;
import io.quarkiverse.launchdarkly.langchain4j.runtime.LaunchDarklyAiConfigInterceptor;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;

/**
 * Registers the {@code @LaunchDarklyAiConfig} interceptor (quarkus-langchain4j copies interceptor bindings of an AI
 * service interface onto its generated implementation), the judge model backed by the default chat model and the
 * last-run accessor, and fails the build on wrong uses of the annotation.
 */
class LaunchDarklyLangChain4jProcessor {

    static final String FEATURE = "launchdarkly-langchain4j";
    static final DotName AI_CONFIG = DotName.createSimple(LaunchDarklyAiConfig.class);
    static final DotName REGISTER_AI_SERVICE = DotName.createSimple("io.quarkiverse.langchain4j.RegisterAiService");
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
        // The judges' model unless the application has one; looked up through Instance, so kept explicitly.
        beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(LangChain4jJudgeModel.class)
                .setUnremovable().build());
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
