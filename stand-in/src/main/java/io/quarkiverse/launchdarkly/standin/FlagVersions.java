package io.quarkiverse.launchdarkly.standin;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gives every flag and segment of a new data set a version higher than any it had before when it changed, and keeps
 * its version when it did not, as LaunchDarkly does. The SDK relies on that: its flag change listeners fire only for
 * an item whose version went up, and a test can tell from the versions alone that a client applied a data set. A
 * changed segment counts as a change of every flag, since any flag may target it.
 */
final class FlagVersions {

    private final Map<String, Integer> highestFlag = new HashMap<>();
    private final Map<String, Integer> highestSegment = new HashMap<>();

    /** Stamps the versions of {@code next} (changed in place), given the data set served until now. */
    synchronized void stamp(ObjectNode next, ObjectNode current) {
        boolean segmentsChanged = stamp(section(next, "segments"), section(current, "segments"), highestSegment, false);
        stamp(section(next, "flags"), section(current, "flags"), highestFlag, segmentsChanged);
    }

    private static boolean stamp(ObjectNode next, ObjectNode current, Map<String, Integer> highest, boolean allChanged) {
        boolean anyChanged = !keysOf(current).equals(keysOf(next));
        Iterator<Map.Entry<String, JsonNode>> items = next.fields();
        while (items.hasNext()) {
            Map.Entry<String, JsonNode> item = items.next();
            ObjectNode now = (ObjectNode) item.getValue();
            JsonNode before = current.get(item.getKey());
            int version;
            if (!allChanged && before != null && withoutVersion(before).equals(withoutVersion(now))) {
                version = before.path("version").asInt(1);
            } else {
                anyChanged = true;
                version = Math.max(now.path("version").asInt(1), highest.getOrDefault(item.getKey(), 0) + 1);
            }
            now.put("version", version);
            highest.merge(item.getKey(), version, Math::max);
        }
        return anyChanged;
    }

    private static Set<String> keysOf(ObjectNode section) {
        Set<String> keys = new HashSet<>();
        section.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static JsonNode withoutVersion(JsonNode item) {
        ObjectNode copy = ((ObjectNode) item).deepCopy();
        copy.remove("version");
        return copy;
    }

    private static ObjectNode section(ObjectNode data, String name) {
        JsonNode node = data.get(name);
        return node instanceof ObjectNode object ? object : data.objectNode();
    }
}
