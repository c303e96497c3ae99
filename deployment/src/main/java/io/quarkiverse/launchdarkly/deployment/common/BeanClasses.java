package io.quarkiverse.launchdarkly.deployment.common;

import java.util.HashSet;
import java.util.Set;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import io.quarkus.arc.deployment.ValidationPhaseBuildItem;

/**
 * Which classes have their methods run by a CDI bean, for the one warning both annotations give when an annotated
 * method can never be intercepted. A bean Quarkus removed because nothing uses it counts: its methods are never called,
 * so there is nothing to warn about; and a class counts when a bean class extends it (an abstract base class holding
 * the annotated method, for one).
 */
public final class BeanClasses {

    private final Set<DotName> beanClasses = new HashSet<>();
    private final Set<DotName> keptBeanClasses = new HashSet<>();
    private final IndexView index;

    public BeanClasses(ValidationPhaseBuildItem validation, IndexView index) {
        this.index = index;
        validation.getContext().beans().classBeans().forEach(bean -> keptBeanClasses.add(bean.getBeanClass()));
        beanClasses.addAll(keptBeanClasses);
        validation.getContext().removedBeans().classBeans().forEach(bean -> beanClasses.add(bean.getBeanClass()));
    }

    /** Whether instances of a bean, kept or removed, run the methods declared in this class. */
    public boolean runMethodsOf(ClassInfo declaring) {
        return runBy(beanClasses, declaring);
    }

    /** Whether instances of a bean the application keeps (not removed as unused) run the methods of this class. */
    public boolean keptBeansRunMethodsOf(ClassInfo declaring) {
        return runBy(keptBeanClasses, declaring);
    }

    private boolean runBy(Set<DotName> classes, ClassInfo declaring) {
        return classes.contains(declaring.name()) || index.getAllKnownSubclasses(declaring.name()).stream()
                .anyMatch(subclass -> classes.contains(subclass.name()));
    }
}
