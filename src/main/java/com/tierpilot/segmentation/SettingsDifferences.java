package com.tierpilot.segmentation;

import com.tierpilot.segmentation.SettingsChangeEntry.Difference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns the before and after JSON of a recorded change into the settings that differ, path by path. */
final class SettingsDifferences {

    private SettingsDifferences() {
    }

    static List<Difference> between(JsonMapper json, @Nullable String before, @Nullable String after) {
        Map<String, String> old = flatten(json, before);
        Map<String, String> now = flatten(json, after);
        Set<String> paths = new LinkedHashSet<>(old.keySet());
        paths.addAll(now.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String path : paths) {
            if (!Objects.equals(old.get(path), now.get(path))) {
                differences.add(new Difference(path, old.get(path), now.get(path)));
            }
        }
        return differences;
    }

    private static Map<String, String> flatten(JsonMapper json, @Nullable String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            flatten(json.readTree(text), "", values);
        }
        return values;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> values) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), values);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", values);
            }
        } else if (!node.isNull()) {
            values.put(path, node.asString());
        }
    }
}
