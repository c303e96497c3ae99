package io.quarkiverse.launchdarkly.deployment.common;

import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.ParameterizedType;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;

import io.quarkiverse.launchdarkly.runtime.metrics.MethodPlan.ResultKind;

/**
 * What the annotation analysers of the extension read from a method's signature in the Jandex index: how its result
 * arrives, which types have a JSON form, and the names every build message uses. Pure Jandex, nothing is loaded.
 */
public final class MethodSignatures {

    public static final DotName LD_CONTEXT = DotName.createSimple("com.launchdarkly.sdk.LDContext");
    public static final DotName LD_VALUE = DotName.createSimple("com.launchdarkly.sdk.LDValue");
    public static final DotName STRING = DotName.createSimple(String.class);

    private static final DotName COMPLETION_STAGE = DotName.createSimple("java.util.concurrent.CompletionStage");
    private static final DotName COMPLETABLE_FUTURE = DotName.createSimple("java.util.concurrent.CompletableFuture");
    private static final DotName UNI = DotName.createSimple("io.smallrye.mutiny.Uni");
    private static final DotName MULTI = DotName.createSimple("io.smallrye.mutiny.Multi");

    private static final Set<DotName> NUMBER_TYPES = Set.of(
            DotName.createSimple(Byte.class), DotName.createSimple(Short.class), DotName.createSimple(Integer.class),
            DotName.createSimple(Long.class), DotName.createSimple(Float.class), DotName.createSimple(Double.class),
            DotName.createSimple(java.math.BigDecimal.class), DotName.createSimple(java.math.BigInteger.class),
            DotName.createSimple(Number.class), DotName.createSimple("java.util.concurrent.atomic.AtomicInteger"),
            DotName.createSimple("java.util.concurrent.atomic.AtomicLong"));
    private static final Set<DotName> UNSUPPORTED_ASYNC = Set.of(
            DotName.createSimple("java.util.concurrent.Future"),
            DotName.createSimple("java.util.concurrent.Flow$Publisher"),
            DotName.createSimple("org.reactivestreams.Publisher"),
            DotName.createSimple("io.smallrye.mutiny.groups.MultiCollect"));
    private static final Set<DotName> JSON_TYPES = Set.of(STRING, LD_VALUE, DotName.createSimple(Boolean.class),
            DotName.createSimple(Character.class), DotName.createSimple(Object.class),
            DotName.createSimple("java.util.Collection"), DotName.createSimple("java.util.List"),
            DotName.createSimple("java.util.Set"), DotName.createSimple("java.util.Map"),
            DotName.createSimple("java.util.SortedMap"), DotName.createSimple("java.util.SortedSet"));

    private MethodSignatures() {
    }

    /** How a method with this declared return type hands over its result; null for an asynchronous type not supported. */
    public static ResultKind resultKind(Type returnType) {
        DotName name = returnType.name();
        if (name.equals(COMPLETION_STAGE) || name.equals(COMPLETABLE_FUTURE)) {
            return ResultKind.COMPLETION_STAGE;
        }
        if (name.equals(UNI)) {
            return ResultKind.UNI;
        }
        if (name.equals(MULTI)) {
            return ResultKind.MULTI;
        }
        return UNSUPPORTED_ASYNC.contains(name) ? null : ResultKind.SYNC;
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
