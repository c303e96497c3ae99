package io.quarkiverse.launchdarkly.deployment.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTransformation;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;

import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;

/**
 * Binds an interceptor to analysed methods by adding its binding annotation with the index of each method's plan
 * ({@code plan = i}), so that the interceptor finds the plan with one array read instead of reading annotations.
 */
public final class PlanBindings {

    private PlanBindings() {
    }

    /** Adds {@code @binding(plan = i)} to the i-th method. */
    public static AnnotationsTransformerBuildItem bind(DotName binding, List<MethodInfo> methods) {
        Map<MethodInfo, Integer> planIndexes = new HashMap<>();
        for (int i = 0; i < methods.size(); i++) {
            planIndexes.put(methods.get(i), i);
        }
        return new AnnotationsTransformerBuildItem(AnnotationTransformation.forMethods()
                .whenMethod(planIndexes::containsKey)
                .transform(context -> context.add(AnnotationInstance.builder(binding)
                        .add("plan", planIndexes.get(context.declaration().asMethod()))
                        .build())));
    }
}
