package io.quarkiverse.launchdarkly.registration;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One operation of a JSON Patch (RFC 6902) sent to "Update metric": LaunchDarkly's {@code PatchOperation}.
 * <p>
 * {@code value} is any value Jackson can write (a string, number, boolean, list, {@link EventDefault},
 * {@link MetricUrl}, a {@code JsonNode}...). {@link #replace} and {@link #add} send a JSON {@code null} when given
 * {@code null}; {@link #remove} sends no value.
 *
 * @param op {@code add}, {@code remove}, {@code replace}, {@code move}, {@code copy} or {@code test}
 * @param path a JSON Pointer such as {@code /name} or {@code /tags/0}
 * @param value the value of {@code add}, {@code replace} and {@code test}; {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatchOperation(
        @JsonProperty("op") String op,
        @JsonProperty("path") String path,
        @JsonProperty("value") Object value) {

    public PatchOperation {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(path, "path");
    }

    /** Replaces the value at {@code path}, for example {@code replace("/name", "Checkout time")}. */
    public static PatchOperation replace(String path, Object value) {
        return new PatchOperation("replace", path, value == null ? NullNode.getInstance() : value);
    }

    /** Adds a value at {@code path}, for example {@code add("/tags/-", "checkout")} to append a tag. */
    public static PatchOperation add(String path, Object value) {
        return new PatchOperation("add", path, value == null ? NullNode.getInstance() : value);
    }

    /** Removes the value at {@code path}. */
    public static PatchOperation remove(String path) {
        return new PatchOperation("remove", path, null);
    }

    /**
     * The JSON Pointer of a top-level field, escaped as RFC 6901 requires ({@code ~} as {@code ~0}, {@code /} as
     * {@code ~1}).
     */
    public static String pointer(String field) {
        return "/" + field.replace("~", "~0").replace("/", "~1");
    }
}
