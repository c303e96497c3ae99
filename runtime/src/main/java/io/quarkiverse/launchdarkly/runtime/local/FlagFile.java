package io.quarkiverse.launchdarkly.runtime.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

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

    private final String location;

    /**
     * @param location a file system path, or else a classpath resource name
     */
    public FlagFile(String location) {
        this.location = location;
    }

    public String location() {
        return location;
    }

    /** The file on the file system that holds the data, when there is one (used to watch for changes). */
    public Optional<Path> path() {
        Path direct = Path.of(location);
        if (Files.isRegularFile(direct)) {
            return Optional.of(direct);
        }
        URL resource = resource();
        if (resource != null && "file".equals(resource.getProtocol())) {
            try {
                return Optional.of(Path.of(resource.toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Loads the data set. A missing file gives an empty data set.
     *
     * @throws IllegalArgumentException when the file cannot be parsed or breaks the format, with the location
     */
    public ObjectNode load() {
        try (InputStream in = open()) {
            if (in == null) {
                return emptyDataSet();
            }
            JsonNode root = YAML.readTree(in);
            return toDataSet(root);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the LaunchDarkly flag data file '" + location + "': "
                    + e.getMessage(), e);
        }
    }

    /**
     * Parses flag data given as text, in the same format as a file.
     *
     * @throws IllegalArgumentException when the text cannot be parsed or breaks the format
     */
    static ObjectNode parse(String yamlOrJson) {
        FlagFile inline = new FlagFile("(flag data given in code)");
        try {
            return inline.toDataSet(YAML.readTree(yamlOrJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the LaunchDarkly flag data: " + e.getMessage(), e);
        }
    }

    /** Whether the file exists (on the file system or the classpath). */
    public boolean exists() {
        return Files.isRegularFile(Path.of(location)) || resource() != null;
    }

    private InputStream open() throws IOException {
        Path direct = Path.of(location);
        if (Files.isRegularFile(direct)) {
            return Files.newInputStream(direct);
        }
        URL resource = resource();
        return resource == null ? null : resource.openStream();
    }

    private URL resource() {
        String name = location.startsWith("/") ? location.substring(1) : location;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = FlagFile.class.getClassLoader();
        }
        return loader.getResource(name);
    }

    static ObjectNode emptyDataSet() {
        ObjectNode data = NODES.objectNode();
        data.putObject("flags");
        data.putObject("segments");
        return data;
    }

    private ObjectNode toDataSet(JsonNode root) {
        ObjectNode data = emptyDataSet();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return data;
        }
        if (!root.isObject()) {
            throw invalid("the top level must be a map with 'flags', 'flagValues' and/or 'segments'");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("flags") && !name.equals("flagValues") && !name.equals("segments")) {
                throw invalid("unknown section '" + name + "' (expected flags, flagValues or segments)");
            }
        }
        ObjectNode flags = (ObjectNode) data.get("flags");
        for (Map.Entry<String, JsonNode> flag : fields(root, "flags")) {
            if (!flag.getValue().isObject()) {
                throw invalid("flag '" + flag.getKey() + "' must be a map");
            }
            flags.set(flag.getKey(), withKeyAndVersion(flag.getKey(), (ObjectNode) flag.getValue().deepCopy()));
        }
        for (Map.Entry<String, JsonNode> value : fields(root, "flagValues")) {
            if (flags.has(value.getKey())) {
                throw invalid("flag '" + value.getKey() + "' is in both 'flags' and 'flagValues'");
            }
            flags.set(value.getKey(), singleValueFlag(value.getKey(), value.getValue()));
        }
        ObjectNode segments = (ObjectNode) data.get("segments");
        for (Map.Entry<String, JsonNode> segment : fields(root, "segments")) {
            if (!segment.getValue().isObject()) {
                throw invalid("segment '" + segment.getKey() + "' must be a map");
            }
            segments.set(segment.getKey(), withKeyAndVersion(segment.getKey(), (ObjectNode) segment.getValue().deepCopy()));
        }
        return data;
    }

    private Iterable<Map.Entry<String, JsonNode>> fields(JsonNode root, String section) {
        JsonNode node = root.get(section);
        if (node == null || node.isNull()) {
            return Map.<String, JsonNode> of().entrySet();
        }
        if (!node.isObject()) {
            throw invalid("'" + section + "' must be a map keyed by " + (section.equals("segments") ? "segment" : "flag")
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
    private static ObjectNode singleValueFlag(String key, JsonNode value) {
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

    private IllegalArgumentException invalid(String detail) {
        return new IllegalArgumentException("Invalid LaunchDarkly flag data file '" + location + "': " + detail);
    }

}
