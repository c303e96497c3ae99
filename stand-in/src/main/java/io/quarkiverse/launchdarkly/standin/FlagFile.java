package io.quarkiverse.launchdarkly.standin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a flag data file in the LaunchDarkly SDK's file data format and turns it into the data set the streaming and
 * polling endpoints serve ({@code {"flags":{...},"segments":{...}}}).
 * <p>
 * The format has three optional sections: {@code flags} (complete flag definitions, keyed by flag key),
 * {@code flagValues} (a key and the one value the flag always returns) and {@code segments}. A key may appear in
 * only one of {@code flags} and {@code flagValues}. YAML is a superset of JSON, so one parser reads both.
 */
public final class FlagFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path path;

    /**
     * @param path the file, in YAML or JSON; a missing file means no flags
     */
    public FlagFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /**
     * Loads the data set. A missing file gives an empty data set.
     *
     * @throws IllegalArgumentException when the file cannot be parsed or breaks the format, with the file name
     */
    public ObjectNode load() {
        if (!Files.isRegularFile(path)) {
            return emptyDataSet();
        }
        try (InputStream in = Files.newInputStream(path)) {
            return toDataSet(YAML.readTree(in), path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the LaunchDarkly flag data file '" + path + "': "
                    + e.getMessage(), e);
        }
    }

    /**
     * Parses flag data given as text, in the same format as a file.
     *
     * @param origin where the text comes from, for messages
     * @throws IllegalArgumentException when the text cannot be parsed or breaks the format
     */
    public static ObjectNode parse(String yamlOrJson, String origin) {
        try {
            return toDataSet(YAML.readTree(yamlOrJson), origin);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the LaunchDarkly flag data of " + origin + ": "
                    + e.getMessage(), e);
        }
    }

    /** A data set with no flags and no segments. */
    public static ObjectNode emptyDataSet() {
        ObjectNode data = NODES.objectNode();
        data.putObject("flags");
        data.putObject("segments");
        return data;
    }

    private static ObjectNode toDataSet(JsonNode root, String origin) {
        ObjectNode data = emptyDataSet();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return data;
        }
        if (!root.isObject()) {
            throw invalid(origin, "the top level must be a map with 'flags', 'flagValues' and/or 'segments'");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("flags") && !name.equals("flagValues") && !name.equals("segments")) {
                throw invalid(origin, "unknown section '" + name + "' (expected flags, flagValues or segments)");
            }
        }
        ObjectNode flags = (ObjectNode) data.get("flags");
        for (Map.Entry<String, JsonNode> flag : fields(root, "flags", origin)) {
            if (!flag.getValue().isObject()) {
                throw invalid(origin, "flag '" + flag.getKey() + "' must be a map");
            }
            flags.set(flag.getKey(), withKeyAndVersion(flag.getKey(), (ObjectNode) flag.getValue().deepCopy()));
        }
        for (Map.Entry<String, JsonNode> value : fields(root, "flagValues", origin)) {
            if (flags.has(value.getKey())) {
                throw invalid(origin, "flag '" + value.getKey() + "' is in both 'flags' and 'flagValues'");
            }
            flags.set(value.getKey(), singleValueFlag(value.getKey(), value.getValue()));
        }
        ObjectNode segments = (ObjectNode) data.get("segments");
        for (Map.Entry<String, JsonNode> segment : fields(root, "segments", origin)) {
            if (!segment.getValue().isObject()) {
                throw invalid(origin, "segment '" + segment.getKey() + "' must be a map");
            }
            segments.set(segment.getKey(), withKeyAndVersion(segment.getKey(), (ObjectNode) segment.getValue().deepCopy()));
        }
        return data;
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode root, String section, String origin) {
        JsonNode node = root.get(section);
        if (node == null || node.isNull()) {
            return Map.<String, JsonNode> of().entrySet();
        }
        if (!node.isObject()) {
            throw invalid(origin,
                    "'" + section + "' must be a map keyed by " + (section.equals("segments") ? "segment" : "flag")
                            + " key");
        }
        return node::fields;
    }

    private static ObjectNode withKeyAndVersion(String key, ObjectNode item) {
        item.put("key", key);
        if (!item.has("version")) {
            item.put("version", 1);
        }
        return item;
    }

    /** The same shape the SDK's own file data source gives a {@code flagValues} entry: on, one variation, served to all. */
    static ObjectNode singleValueFlag(String key, JsonNode value) {
        ObjectNode flag = NODES.objectNode();
        flag.put("key", key);
        flag.put("version", 1);
        flag.put("on", true);
        ArrayNode variations = flag.putArray("variations");
        variations.add(value);
        flag.putObject("fallthrough").put("variation", 0);
        flag.put("offVariation", 0);
        return flag;
    }

    private static IllegalArgumentException invalid(String origin, String detail) {
        return new IllegalArgumentException("Invalid LaunchDarkly flag data in " + origin + ": " + detail);
    }

}
