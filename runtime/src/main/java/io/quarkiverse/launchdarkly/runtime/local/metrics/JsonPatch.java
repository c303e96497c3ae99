package io.quarkiverse.launchdarkly.runtime.local.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * RFC 6902 JSON Patch over Jackson trees, with RFC 6901 JSON Pointers.
 * <p>
 * LaunchDarkly updates metrics with JSON Patch, so the stand-in has to apply patches exactly as the RFCs say for a
 * client's patch to be trusted against the real service: operations run in order on a copy, and the first failing
 * operation (including a {@code test} whose value differs) rejects the whole patch and leaves the document
 * untouched. Numbers compare by value in {@code test} ({@code 1}, {@code 1.0} and {@code 1e0} are equal), as the RFC
 * asks.
 */
public final class JsonPatch {

    /** The operation names RFC 6902 defines. */
    public static final Set<String> OPERATIONS = Set.of("add", "remove", "replace", "move", "copy", "test");

    private static final Pattern ARRAY_INDEX = Pattern.compile("0|[1-9][0-9]*");

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
            return tokensOrEmpty(path);
        }

        /** The {@code from} pointer as reference tokens, empty when there is none. */
        public List<String> fromTokens() {
            return from == null ? List.of() : tokensOrEmpty(from);
        }

        private static List<String> tokensOrEmpty(String pointer) {
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
            JsonNode element = patch.get(i);
            String where = "Patch operation " + i;
            if (!element.isObject()) {
                throw new JsonPatchException(where + " must be an object");
            }
            JsonNode op = element.get("op");
            if (op == null || !op.isTextual()) {
                throw new JsonPatchException(where + ": 'op' is required and must be a string");
            }
            if (!OPERATIONS.contains(op.asText())) {
                throw new JsonPatchException(where + ": unknown op '" + op.asText()
                        + "'; expected one of add, remove, replace, move, copy, test");
            }
            JsonNode path = element.get("path");
            if (path == null || !path.isTextual()) {
                throw new JsonPatchException(where + " (" + op.asText() + "): 'path' is required and must be a string");
            }
            parsePointer(path.asText(), where + " (" + op.asText() + "): 'path'");
            String from = null;
            if (op.asText().equals("move") || op.asText().equals("copy")) {
                JsonNode fromNode = element.get("from");
                if (fromNode == null || !fromNode.isTextual()) {
                    throw new JsonPatchException(where + " (" + op.asText() + " " + path.asText()
                            + "): 'from' is required and must be a string");
                }
                from = fromNode.asText();
                parsePointer(from, where + " (" + op.asText() + "): 'from'");
            }
            JsonNode value = null;
            if (op.asText().equals("add") || op.asText().equals("replace") || op.asText().equals("test")) {
                value = element.get("value");
                if (value == null) {
                    throw new JsonPatchException(where + " (" + op.asText() + " " + path.asText()
                            + "): 'value' is required");
                }
            }
            operations.add(new Operation(op.asText(), path.asText(), from, value));
        }
        return operations;
    }

    /** Applies a patch document to a copy of {@code document} and returns the copy. */
    public static JsonNode apply(JsonNode document, JsonNode patch) throws JsonPatchException {
        return apply(document, parse(patch));
    }

    /** Applies parsed operations to a copy of {@code document} and returns the copy. */
    public static JsonNode apply(JsonNode document, List<Operation> operations) throws JsonPatchException {
        JsonNode root = document.deepCopy();
        for (int i = 0; i < operations.size(); i++) {
            root = applyOne(root, operations.get(i), "Patch operation " + i + " (" + operations.get(i) + ")");
        }
        return root;
    }

    /** Splits a JSON Pointer into unescaped reference tokens; {@code ""} is the whole document. */
    public static List<String> parsePointer(String pointer) throws JsonPatchException {
        return parsePointer(pointer, "JSON Pointer");
    }

    /** Builds a JSON Pointer from reference tokens, escaping {@code ~} and {@code /}. */
    public static String formatPointer(List<String> tokens) {
        StringBuilder pointer = new StringBuilder();
        for (String token : tokens) {
            pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** JSON equality as RFC 6902 defines it for {@code test}: numbers by value, objects regardless of member order. */
    public static boolean jsonEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                JsonNode other = b.get(field.getKey());
                if (other == null || !jsonEquals(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!jsonEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static List<String> parsePointer(String pointer, String what) throws JsonPatchException {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (pointer.charAt(0) != '/') {
            throw new JsonPatchException(what + " '" + pointer + "' is not a JSON Pointer: it must be empty or start with '/'");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            StringBuilder token = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c != '~') {
                    token.append(c);
                    continue;
                }
                char next = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
                if (next == '0') {
                    token.append('~');
                } else if (next == '1') {
                    token.append('/');
                } else {
                    throw new JsonPatchException(
                            what + " '" + pointer + "' has an invalid escape: '~' must be followed by 0 or 1");
                }
                i++;
            }
            tokens.add(token.toString());
        }
        return Collections.unmodifiableList(tokens);
    }

    private static JsonNode applyOne(JsonNode root, Operation operation, String where) throws JsonPatchException {
        List<String> path = operation.pathTokens();
        switch (operation.op()) {
            case "add":
                return add(root, path, operation.value().deepCopy(), where);
            case "remove":
                if (path.isEmpty()) {
                    throw new JsonPatchException(where + ": cannot remove the whole document");
                }
                require(root, path, where);
                remove(root, path);
                return root;
            case "replace":
                if (path.isEmpty()) {
                    return operation.value().deepCopy();
                }
                require(root, path, where);
                remove(root, path);
                return add(root, path, operation.value().deepCopy(), where);
            case "move": {
                List<String> from = operation.fromTokens();
                if (path.size() > from.size() && path.subList(0, from.size()).equals(from)) {
                    throw new JsonPatchException(where + ": cannot move a value into one of its own children");
                }
                JsonNode value = require(root, from, where + " 'from'");
                if (from.equals(path)) {
                    return root;
                }
                remove(root, from);
                return add(root, path, value, where);
            }
            case "copy": {
                JsonNode value = require(root, operation.fromTokens(), where + " 'from'");
                return add(root, path, value.deepCopy(), where);
            }
            case "test": {
                JsonNode actual = require(root, path, where);
                if (!jsonEquals(actual, operation.value())) {
                    throw new JsonPatchException(where + ": test failed, the value at '" + operation.path()
                            + "' differs from the expected value");
                }
                return root;
            }
            default:
                throw new JsonPatchException(where + ": unknown op '" + operation.op() + "'");
        }
    }

    /** The value at {@code tokens}, or {@code null} when it does not exist. */
    static JsonNode find(JsonNode root, List<String> tokens) {
        JsonNode current = root;
        for (String token : tokens) {
            if (current.isObject()) {
                current = current.get(token);
            } else if (current.isArray()) {
                int index = index(token);
                current = index < 0 || index >= current.size() ? null : current.get(index);
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static JsonNode require(JsonNode root, List<String> tokens, String where) throws JsonPatchException {
        JsonNode value = find(root, tokens);
        if (value == null) {
            throw new JsonPatchException(where + ": no value at '" + formatPointer(tokens) + "'");
        }
        return value;
    }

    private static JsonNode add(JsonNode root, List<String> path, JsonNode value, String where) throws JsonPatchException {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = find(root, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        if (parent == null || !parent.isContainerNode()) {
            throw new JsonPatchException(where + ": the parent of '" + formatPointer(path)
                    + "' does not exist or is not an object or array");
        }
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value);
            return root;
        }
        ArrayNode array = (ArrayNode) parent;
        if (last.equals("-")) {
            array.add(value);
            return root;
        }
        int index = index(last);
        if (index < 0 || index > array.size()) {
            throw new JsonPatchException(where + ": array index '" + last + "' in '" + formatPointer(path)
                    + "' is out of bounds (size " + array.size() + ")");
        }
        array.insert(index, value);
        return root;
    }

    /** Removes an existing value; callers check existence first. */
    private static void remove(JsonNode root, List<String> path) {
        JsonNode parent = find(root, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ArrayNode) parent).remove(index(last));
        }
    }

    /** The array index a token names, or -1 when it names none ({@code -}, leading zeros, not a number, too large). */
    private static int index(String token) {
        if (!ARRAY_INDEX.matcher(token).matches()) {
            return -1;
        }
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
