package io.quarkiverse.launchdarkly.deployment.common;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.ParameterizedType;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;

import io.quarkiverse.launchdarkly.runtime.calls.ResultKind;

/**
 * What the annotation analysers of the extension read from a method's signature in the Jandex index: how its result
 * arrives, which types have a JSON form, and the names every build message uses. Pure Jandex, nothing is loaded.
 */
public final class MethodSignatures {

    public static final DotName LD_CONTEXT = DotName.createSimple("com.launchdarkly.sdk.LDContext");
    public static final DotName LD_VALUE = DotName.createSimple("com.launchdarkly.sdk.LDValue");
    public static final DotName STRING = DotName.createSimple(String.class);

    private static final DotName OBJECT = DotName.createSimple(Object.class);
    private static final DotName COMPLETION_STAGE = DotName.createSimple("java.util.concurrent.CompletionStage");
    private static final DotName UNI = DotName.createSimple("io.smallrye.mutiny.Uni");
    private static final DotName MULTI = DotName.createSimple("io.smallrye.mutiny.Multi");
    private static final DotName FUTURE = DotName.createSimple("java.util.concurrent.Future");
    private static final Set<DotName> PUBLISHERS = Set.of(DotName.createSimple("org.reactivestreams.Publisher"),
            DotName.createSimple("java.util.concurrent.Flow$Publisher"));
    private static final DotName TOKEN_STREAM = DotName.createSimple("dev.langchain4j.service.TokenStream");
    /** Lazy types that are no Publisher: subscribing to them runs the work, so they cannot be observed either. */
    private static final Set<String> OTHER_LAZY_TYPES = Set.of("io.reactivex.rxjava3.core.Single",
            "io.reactivex.rxjava3.core.Maybe", "io.reactivex.rxjava3.core.Completable",
            "io.reactivex.rxjava3.core.Observable", "io.reactivex.Single", "io.reactivex.Maybe",
            "io.reactivex.Completable", "io.reactivex.Observable", "io.smallrye.mutiny.groups.MultiCollect",
            "kotlinx.coroutines.flow.Flow");

    private static final Set<DotName> NUMBER_TYPES = Set.of(
            DotName.createSimple(Byte.class), DotName.createSimple(Short.class), DotName.createSimple(Integer.class),
            DotName.createSimple(Long.class), DotName.createSimple(Float.class), DotName.createSimple(Double.class),
            DotName.createSimple(java.math.BigDecimal.class), DotName.createSimple(java.math.BigInteger.class),
            DotName.createSimple(Number.class), DotName.createSimple("java.util.concurrent.atomic.AtomicInteger"),
            DotName.createSimple("java.util.concurrent.atomic.AtomicLong"));
    private static final Set<DotName> JSON_TYPES = Set.of(STRING, LD_VALUE, DotName.createSimple(Boolean.class),
            DotName.createSimple(Character.class), DotName.createSimple(Object.class),
            DotName.createSimple("java.util.Collection"), DotName.createSimple("java.util.List"),
            DotName.createSimple("java.util.Set"), DotName.createSimple("java.util.Map"),
            DotName.createSimple("java.util.SortedMap"), DotName.createSimple("java.util.SortedSet"));

    /**
     * A stable order of methods: by their description, then by their full descriptor, which tells apart two overloads
     * whose parameter types share a simple name.
     */
    public static final Comparator<MethodInfo> ORDER = Comparator.comparing(MethodSignatures::describe)
            .thenComparing(MethodInfo::toString);

    private MethodSignatures() {
    }

    /**
     * How a method's result arrives, or why it cannot be tracked.
     *
     * @param kind how the result arrives, null when it cannot be tracked
     * @param rejection the rule broken, for the build error; null when it can be tracked
     */
    public record ResultClassification(ResultKind kind, String rejection) {
    }

    /**
     * Classifies a declared return type by its type hierarchy, not its name: every subtype of {@code CompletionStage},
     * {@code Uni} or {@code Multi} is one, and any other result that completes later (a {@code Future}, a Reactive
     * Streams {@code Publisher} such as Reactor's {@code Mono}, an RxJava type, a LangChain4j {@code TokenStream}) is
     * rejected, since treating it as a plain value would track the call before its work has run.
     *
     * @param index an index that can look up any class of the application's class path (the computing index), JDK
     *        and libraries included
     */
    public static ResultClassification classify(IndexView index, Type returnType) {
        if (returnType.kind() != Type.Kind.CLASS && returnType.kind() != Type.Kind.PARAMETERIZED_TYPE) {
            return new ResultClassification(ResultKind.SYNC, null);
        }
        String type = returnType.name().toString();
        Set<DotName> types = supertypes(index, returnType.name());
        if (types.contains(COMPLETION_STAGE)) {
            return new ResultClassification(ResultKind.COMPLETION_STAGE, null);
        }
        if (types.contains(UNI)) {
            return new ResultClassification(ResultKind.UNI, null);
        }
        if (types.contains(MULTI)) {
            return new ResultClassification(ResultKind.MULTI, null);
        }
        if (types.contains(TOKEN_STREAM)) {
            return rejected("the return type " + type + " is a LangChain4j TokenStream, whose tokens arrive only to"
                    + " handlers its caller registers; return a Multi<String> from the AI service instead");
        }
        if (types.stream().anyMatch(PUBLISHERS::contains)
                || types.stream().anyMatch(name -> OTHER_LAZY_TYPES.contains(name.toString()))) {
            return rejected("the return type " + type + " is a lazy asynchronous type that does its work when"
                    + " subscribed, which the tracking cannot observe without subscribing itself; return a Uni or a Multi"
                    + " (Uni.createFrom().publisher(...), Multi.createFrom().publisher(...)) or a CompletionStage");
        }
        if (types.contains(FUTURE)) {
            return rejected("the return type " + type + " is a Future, whose completion cannot be observed without"
                    + " blocking; return a CompletionStage (a CompletableFuture), a Uni or a Multi");
        }
        return new ResultClassification(ResultKind.SYNC, null);
    }

    private static ResultClassification rejected(String rule) {
        return new ResultClassification(null, rule);
    }

    /** The class, its superclasses and every interface they implement, as far as the index knows them. */
    private static Set<DotName> supertypes(IndexView index, DotName name) {
        Set<DotName> found = new HashSet<>();
        Deque<DotName> pending = new ArrayDeque<>(List.of(name));
        while (!pending.isEmpty()) {
            DotName next = pending.pop();
            if (next.equals(OBJECT) || !found.add(next)) {
                continue;
            }
            ClassInfo clazz = index.getClassByName(next);
            if (clazz != null) {
                if (clazz.superName() != null) {
                    pending.push(clazz.superName());
                }
                pending.addAll(clazz.interfaceNames());
            }
        }
        return found;
    }

    /** The single type argument of a parameterized class type, or null (raw type, wildcard, type variable). */
    public static Type typeArgument(Type type) {
        if (type.kind() != Type.Kind.PARAMETERIZED_TYPE) {
            return null;
        }
        ParameterizedType parameterized = type.asParameterizedType();
        if (parameterized.arguments().size() != 1) {
            return null;
        }
        Type argument = parameterized.arguments().get(0);
        return argument.kind() == Type.Kind.CLASS || argument.kind() == Type.Kind.PARAMETERIZED_TYPE ? argument : null;
    }

    /** A primitive number, its box, BigDecimal, BigInteger, Number or an atomic number. */
    public static boolean isNumeric(Type type) {
        if (type.kind() == Type.Kind.PRIMITIVE) {
            return type.asPrimitiveType().primitive() != PrimitiveType.Primitive.BOOLEAN
                    && type.asPrimitiveType().primitive() != PrimitiveType.Primitive.CHAR;
        }
        return type.kind() == Type.Kind.CLASS && NUMBER_TYPES.contains(type.name());
    }

    /** A type whose values have a JSON form: string, number, boolean, enum, collection, map or {@code LDValue}. */
    public static boolean hasJsonForm(IndexView index, Type type) {
        if (type.kind() == Type.Kind.PRIMITIVE || isNumeric(type)) {
            return true;
        }
        if (type.kind() != Type.Kind.CLASS && type.kind() != Type.Kind.PARAMETERIZED_TYPE) {
            return false;
        }
        if (JSON_TYPES.contains(type.name())) {
            return true;
        }
        ClassInfo clazz = index.getClassByName(type.name());
        if (clazz != null && clazz.isEnum()) {
            return true;
        }
        // JDK collection and map types are not in the application index: accept the common ones by name.
        String name = type.name().toString();
        return name.startsWith("java.util.") && (name.endsWith("List") || name.endsWith("Set") || name.endsWith("Map")
                || name.endsWith("Collection"));
    }

    /**
     * A type as written, type arguments included and type annotations left out: {@code List<com.acme.Reply>}. Two
     * types with the same key are the same type to the rules here (fallback signatures, extractor choice).
     */
    public static String typeKey(Type type) {
        return switch (type.kind()) {
            case PARAMETERIZED_TYPE -> type.name() + type.asParameterizedType().arguments().stream()
                    .map(MethodSignatures::typeKey).collect(Collectors.joining(",", "<", ">"));
            case ARRAY -> typeKey(type.asArrayType().constituent()) + "[]".repeat(type.asArrayType().dimensions());
            case WILDCARD_TYPE -> type.asWildcardType().superBound() != null
                    ? "? super " + typeKey(type.asWildcardType().superBound())
                    : "? extends " + typeKey(type.asWildcardType().extendsBound());
            case TYPE_VARIABLE -> type.asTypeVariable().identifier();
            default -> type.name().toString();
        };
    }

    /** The parameter's name, or {@code argN} when the class was compiled without {@code -parameters}. */
    public static String parameterName(MethodInfo method, int position) {
        String name = method.parameterName(position);
        return name == null ? "arg" + position : name;
    }

    /** {@code com.acme.Shop#settle(String, int)}, the form every message uses. */
    public static String describe(MethodInfo method) {
        return method.declaringClass().name() + "#" + method.name() + "(" + method.parameterTypes().stream()
                .map(t -> t.name().withoutPackagePrefix()).collect(Collectors.joining(", ")) + ")";
    }
}
