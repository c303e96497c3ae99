package io.quarkiverse.launchdarkly.standin.metrics;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * RFC 6902 JSON Patch for the metrics API, applied by Eclipse Parsson (the Jakarta JSON Processing implementation):
 * operations run in order on a copy, and the first failing operation (including a {@code test} whose value differs)
 * rejects the whole patch and leaves the document untouched.
 * <p>
 * What is the stand-in's own is the checking LaunchDarkly does before it applies a patch, so that a client gets the
 * same 400 answers: the structure of each operation ({@link #parse}), and the pointers it names as tokens, so that
 * the API can refuse writes to read-only fields.
 */
public final class JsonPatch {

    /** The operation names RFC 6902 defines. */
    public static final Set<String> OPERATIONS = Set.of("add", "remove", "replace", "move", "copy", "test");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One parsed operation.
     *
     * @param op the operation name
     * @param path the target pointer
     * @param from the source pointer of {@code move} and {@code copy}, else {@code null}
     * @param value the value of {@code add}, {@code replace} and {@code test} (a JSON {@code null} is a
     *        {@code NullNode}), else {@code null}
     */
    public record Operation(String op, String path, String from, JsonNode value) {

        /** The path as reference tokens. */
        public List<String> pathTokens() {
            return tokensOf(path);
        }

        /** The {@code from} pointer as reference tokens, empty when there is none. */
        public List<String> fromTokens() {
            return from == null ? List.of() : tokensOf(from);
        }

        private static List<String> tokensOf(String pointer) {
            try {
                return parsePointer(pointer);
            } catch (JsonPatchException e) {
                // parse() has checked every pointer already.
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return op + " " + path + (from == null ? "" : " from " + from);
        }
    }

    private JsonPatch() {
    }

    /** Checks the structure of a patch document (an array of operation objects) and returns its operations. */
    public static List<Operation> parse(JsonNode patch) throws JsonPatchException {
        if (patch == null || !patch.isArray()) {
            throw new JsonPatchException("A JSON Patch must be an array of operations");
        }
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < patch.size(); i++) {
            operations.add(operation(patch.get(i), "Patch operation " + i));
        }
        return operations;
    }

    private static Operation operation(JsonNode element, String where) throws JsonPatchException {
        if (!element.isObject()) {
            throw new JsonPatchException(where + " must be an object");
        }
        JsonNode op = element.get("op");
        if (op == null || !op.isTextual()) {
            throw new JsonPatchException(where + ": 'op' is required and must be a string");
        }
        String name = op.asText();
        if (!OPERATIONS.contains(name)) {
            throw new JsonPatchException(where + ": unknown op '" + name
                    + "'; expected one of add, remove, replace, move, copy, test");
        }
        JsonNode path = element.get("path");
        if (path == null || !path.isTextual()) {
            throw new JsonPatchException(where + " (" + name + "): 'path' is required and must be a string");
        }
        checkPointer(path.asText(), where + " (" + name + "): 'path'");
        String from = null;
        if (name.equals("move") || name.equals("copy")) {
            JsonNode fromNode = element.get("from");
            if (fromNode == null || !fromNode.isTextual()) {
                throw new JsonPatchException(where + " (" + name + " " + path.asText()
                        + "): 'from' is required and must be a string");
            }
            from = fromNode.asText();
            checkPointer(from, where + " (" + name + "): 'from'");
        }
        JsonNode value = null;
        if (name.equals("add") || name.equals("replace") || name.equals("test")) {
            value = element.get("value");
            if (value == null) {
                throw new JsonPatchException(where + " (" + name + " " + path.asText() + "): 'value' is required");
            }
        }
        return new Operation(name, path.asText(), from, value);
    }

    /** Applies a patch document to a copy of {@code document} and returns the copy. */
    public static JsonNode apply(JsonNode document, JsonNode patch) throws JsonPatchException {
        return apply(document, parse(patch));
    }

    /** Applies parsed operations to a copy of {@code document} and returns the copy. */
    public static JsonNode apply(JsonNode document, List<Operation> operations) throws JsonPatchException {
        JsonArrayBuilder patch = Json.createArrayBuilder();
        for (Operation operation : operations) {
            JsonObjectBuilder op = Json.createObjectBuilder().add("op", operation.op()).add("path", operation.path());
            if (operation.from() != null) {
                op.add("from", operation.from());
            }
            if (operation.value() != null) {
                op.add("value", toJsonP(operation.value()));
            }
            patch.add(op);
        }
        JsonValue target = toJsonP(document);
        if (!(target instanceof JsonStructure structure)) {
            throw new JsonPatchException("A JSON Patch applies to an object or an array");
        }
        try {
            return toJackson(Json.createPatch(patch.build()).apply(structure));
        } catch (JsonException e) {
            throw new JsonPatchException(e.getMessage());
        }
    }

    /** Splits a JSON Pointer (RFC 6901) into unescaped reference tokens; {@code ""} is the whole document. */
    public static List<String> parsePointer(String pointer) throws JsonPatchException {
        checkPointer(pointer, "The pointer");
        if (pointer.isEmpty()) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>();
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /** Builds a JSON Pointer from reference tokens, escaping {@code ~} and {@code /}. */
    public static String formatPointer(List<String> tokens) {
        StringBuilder pointer = new StringBuilder();
        for (String token : tokens) {
            pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static void checkPointer(String pointer, String what) throws JsonPatchException {
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new JsonPatchException(what + " '" + pointer + "' is not a JSON Pointer (it must be empty or start"
                    + " with '/')");
        }
        for (int i = 0; i < pointer.length(); i++) {
            if (pointer.charAt(i) == '~' && (i + 1 == pointer.length() || "01".indexOf(pointer.charAt(i + 1)) < 0)) {
                throw new JsonPatchException(what + " '" + pointer + "' has a '~' not followed by 0 or 1");
            }
        }
    }

    // ---- Jackson <-> JSON-P ----

    /**
     * Numbers are written in their shortest exact form ({@code 1.0} and {@code 1e0} become {@code 1}), because JSON-P
     * compares numbers by their exact decimal (scale included) in {@code test}, while RFC 6902 compares them by value.
     */
    private static JsonValue toJsonP(JsonNode node) throws JsonPatchException {
        try (JsonReader reader = Json.createReader(new StringReader(JSON.writeValueAsString(canonicalNumbers(node))))) {
            return reader.readValue();
        } catch (JsonProcessingException | JsonException e) {
            throw new JsonPatchException("Cannot read the JSON: " + e.getMessage());
        }
    }

    private static JsonNode canonicalNumbers(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal exact = node.decimalValue().stripTrailingZeros();
            return exact.scale() <= 0 ? JSON.getNodeFactory().numberNode(exact.toBigIntegerExact())
                    : JSON.getNodeFactory().numberNode(exact);
        }
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(element -> array.add(canonicalNumbers(element)));
            return array;
        }
        if (node.isObject()) {
            var object = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                object.set(field.getKey(), canonicalNumbers(field.getValue()));
            }
            return object;
        }
        return node;
    }

    private static JsonNode toJackson(JsonValue value) throws JsonPatchException {
        try {
            return JSON.readTree(value.toString());
        } catch (JsonProcessingException e) {
            throw new JsonPatchException("Cannot read the patched JSON: " + e.getMessage());
        }
    }
}
