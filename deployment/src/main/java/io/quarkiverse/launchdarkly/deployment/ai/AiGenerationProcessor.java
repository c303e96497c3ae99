package io.quarkiverse.launchdarkly.deployment.ai;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.invoke.Invoker;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;
import org.jboss.logging.Logger;

import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.deployment.ai.AiGenerationsBuildItem.Generation;
import io.quarkiverse.launchdarkly.deployment.common.BeanClasses;
import io.quarkiverse.launchdarkly.deployment.common.MethodSignatures;
import io.quarkiverse.launchdarkly.deployment.common.PlanBindings;
import io.quarkiverse.launchdarkly.runtime.ai.extractors.BuiltInExtractors;
import io.quarkiverse.launchdarkly.runtime.ai.generation.AiConfigKeys;
import io.quarkiverse.launchdarkly.runtime.ai.generation.AiGenerationBinding;
import io.quarkiverse.launchdarkly.runtime.ai.generation.AiGenerationInterceptor;
import io.quarkiverse.launchdarkly.runtime.ai.generation.AiGenerationRecorder;
import io.quarkiverse.launchdarkly.runtime.ai.generation.AiGenerations;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.arc.deployment.InvokerFactoryBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.recording.RecorderContext;
import io.quarkus.runtime.RuntimeValue;

/**
 * Turns {@code @AiGeneration} methods into intercepted methods: finds the metrics extractors, analyses and validates
 * the methods, binds the interceptor to each valid one with the index of its plan, has ArC generate invokers for the
 * fallback and default-config methods, and records the plans.
 */
class AiGenerationProcessor {

    private static final Logger LOG = Logger.getLogger(AiGenerationProcessor.class);
    private static final DotName BINDING = DotName.createSimple(AiGenerationBinding.class);
    private static final DotName EXTRACTOR = DotName.createSimple(AiMetricsExtractor.class);

    @BuildStep
    void beans(BuildProducer<AdditionalBeanBuildItem> beans) {
        beans.produce(AdditionalBeanBuildItem.builder()
                .addBeanClasses(AiGenerationBinding.class, AiGenerationInterceptor.class, AiGenerations.class,
                        AiConfigKeys.class)
                .setUnremovable()
                .build());
    }

    /**
     * The extractors: a built-in one only when its response type is on the application's classpath (its class is the
     * only one touching that library), and every application class implementing {@code AiMetricsExtractor<T>} with a
     * concrete {@code T}. Both become unremovable beans, singletons unless they declare a scope.
     */
    @BuildStep
    AiExtractorsBuildItem extractors(CombinedIndexBuildItem combinedIndex, BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<ValidationErrorBuildItem> errors) {
        Map<String, String> byResponseType = new HashMap<>();
        List<String> builtIns = new ArrayList<>();
        for (BuiltInExtractors.BuiltIn builtIn : BuiltInExtractors.ALL) {
            if (QuarkusClassLoader.isClassPresentAtRuntime(builtIn.responseType())) {
                byResponseType.put(builtIn.responseType(), builtIn.extractorClass());
                builtIns.add(builtIn.extractorClass());
            }
        }

        IndexView index = combinedIndex.getIndex();
        Map<String, String> own = new HashMap<>();
        List<String> mistakes = new ArrayList<>();
        for (ClassInfo implementation : index.getAllKnownImplementations(EXTRACTOR)) {
            if (implementation.isInterface() || Modifier.isAbstract(implementation.flags())
                    || builtIns.contains(implementation.name().toString())) {
                continue;
            }
            Type responseType = responseType(implementation);
            if (responseType == null) {
                LOG.warnf("%s implements AiMetricsExtractor without a concrete type argument in its implements clause,"
                        + " so no @AiGeneration method uses it; declare implements AiMetricsExtractor<YourResponse>",
                        implementation.name());
                continue;
            }
            String key = MethodSignatures.typeKey(responseType);
            String previous = own.put(key, implementation.name().toString());
            if (previous != null) {
                mistakes.add("both " + previous + " and " + implementation.name() + " extract metrics from " + key
                        + "; keep one");
            }
        }
        if (!mistakes.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(new DeploymentException(
                    "Invalid AiMetricsExtractor beans:\n  - " + String.join("\n  - ", mistakes))));
        }
        byResponseType.putAll(own);

        AdditionalBeanBuildItem.Builder extractorBeans = AdditionalBeanBuildItem.builder()
                .setDefaultScope(BuiltinScope.SINGLETON.getName()).setUnremovable();
        builtIns.forEach(extractorBeans::addBeanClass);
        own.values().forEach(extractorBeans::addBeanClass);
        beans.produce(extractorBeans.build());
        return new AiExtractorsBuildItem(byResponseType, builtIns);
    }

    /** The {@code T} of a directly implemented {@code AiMetricsExtractor<T>}, when it is a class type. */
    private static Type responseType(ClassInfo implementation) {
        for (Type type : implementation.interfaceTypes()) {
            if (type.name().equals(EXTRACTOR) && type.kind() == Type.Kind.PARAMETERIZED_TYPE) {
                Type argument = type.asParameterizedType().arguments().get(0);
                if (argument.kind() == Type.Kind.CLASS || argument.kind() == Type.Kind.PARAMETERIZED_TYPE) {
                    return argument;
                }
            }
        }
        return null;
    }

    @BuildStep
    AiGenerationsBuildItem analyse(CombinedIndexBuildItem index, AiExtractorsBuildItem extractors) {
        AiGenerationAnalyzer analyzer = new AiGenerationAnalyzer(index.getIndex(), index.getComputingIndex(), extractors);
        List<Generation> methods = new ArrayList<>();
        for (MethodInfo method : analyzer.annotatedMethods()) {
            Generation generation = analyzer.analyse(method);
            if (generation != null) {
                methods.add(generation);
            }
        }
        analyzer.warnings().forEach(LOG::warn);
        return new AiGenerationsBuildItem(methods, analyzer.errors());
    }

    @BuildStep
    AnnotationsTransformerBuildItem bindInterceptor(AiGenerationsBuildItem generations) {
        return PlanBindings.bind(BINDING, generations.methods().stream().map(Generation::method).toList());
    }

    /**
     * Reports the mistakes as one deployment problem, warns about methods of classes that are not beans (CDI ignores
     * them), and has ArC generate the invokers of the fallback and default-config methods.
     */
    @BuildStep
    AiInvokersBuildItem validate(AiGenerationsBuildItem generations, ValidationPhaseBuildItem validation,
            InvokerFactoryBuildItem invokerFactory, CombinedIndexBuildItem index,
            BuildProducer<ValidationErrorBuildItem> errors) {
        if (!generations.errors().isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(new DeploymentException(
                    "Invalid @AiGeneration usage (" + generations.errors().size() + " mistake(s)):\n  - "
                            + String.join("\n  - ", generations.errors()))));
        }
        Map<Integer, String> fallbacks = new HashMap<>();
        Map<Integer, String> defaultConfigs = new HashMap<>();
        Set<DotName> warned = new HashSet<>();
        BeanClasses beans = new BeanClasses(validation, index.getIndex());
        for (int i = 0; i < generations.methods().size(); i++) {
            Generation generation = generations.methods().get(i);
            ClassInfo declaring = generation.method().declaringClass();
            BeanInfo bean = beanRunning(declaring, validation, index.getIndex());
            if (bean == null) {
                // No kept bean runs it: nothing to invoke. A removed bean is never called, so only warn without one.
                if (!beans.runMethodsOf(declaring) && warned.add(declaring.name())) {
                    LOG.warnf("@AiGeneration on %s: neither %s nor a subclass of it is a CDI bean, so the method is not"
                            + " intercepted", generation.plan().method(), declaring.name());
                }
                continue;
            }
            if (generation.fallback() != null) {
                fallbacks.put(i, invokerFactory.createInvoker(bean, generation.fallback()).build().getClassName());
            }
            if (generation.defaultConfig() != null) {
                defaultConfigs.put(i,
                        invokerFactory.createInvoker(bean, generation.defaultConfig()).build().getClassName());
            }
        }
        return new AiInvokersBuildItem(fallbacks, defaultConfigs);
    }

    /**
     * A bean whose instances run the methods of this class: the class itself, or else a bean class extending it (an
     * abstract base class holding the annotated method, for one). The invokers of the fallback and default-config
     * methods are created for that bean; they call the method declared in this class, so they serve the instances of
     * every bean class extending it.
     */
    private static BeanInfo beanRunning(ClassInfo declaring, ValidationPhaseBuildItem validation, IndexView index) {
        BeanInfo own = classBean(declaring.name(), validation);
        if (own != null) {
            return own;
        }
        return index.getAllKnownSubclasses(declaring.name()).stream()
                .sorted(Comparator.comparing(sub -> sub.name().toString()))
                .map(sub -> classBean(sub.name(), validation))
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** A bean stream can be read once: each look-up takes a new one. */
    private static BeanInfo classBean(DotName beanClass, ValidationPhaseBuildItem validation) {
        return validation.getContext().beans().classBeans().withBeanClass(beanClass).firstResult().orElse(null);
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void recordPlans(AiGenerationsBuildItem generations, AiInvokersBuildItem invokers, RecorderContext recorderContext,
            AiGenerationRecorder recorder) {
        recorder.register(generations.methods().stream().map(Generation::plan).toList());
        invokers.fallbacks().forEach((plan, invoker) -> recorder.fallback(plan, newInvoker(recorderContext, invoker)));
        invokers.defaultConfigs()
                .forEach((plan, invoker) -> recorder.defaultConfig(plan, newInvoker(recorderContext, invoker)));
    }

    private static RuntimeValue<Invoker<Object, Object>> newInvoker(RecorderContext context, String className) {
        return context.newInstance(className);
    }
}
