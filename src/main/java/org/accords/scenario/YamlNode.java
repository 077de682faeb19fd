package org.accords.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it came from, so every error can name file and line. Scenario
 * files are read into this small tree (never into arbitrary Java types), merged along
 * {@code extends}, overridden by {@code --set}, and only then bound to records.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    Origin origin();

    /** Plain text of a scalar; {@code null} is the YAML null. */
    record Scalar(String text, Origin origin) implements YamlNode {
        public boolean isNull() { return text == null; }
    }

    record Sequence(List<YamlNode> items, Origin origin) implements YamlNode {
        public Sequence { items = List.copyOf(items); }
    }

    /** A key with its own origin (the line of the key, which is what users look for). */
    record Entry(String key, Origin keyOrigin, YamlNode value) {}

    record Mapping(Map<String, Entry> entries, Origin origin) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }
        public Origin keyOrigin(String key) {
            Entry e = entries.get(key);
            return e == null ? origin : e.keyOrigin();
        }
    }

    static String describe(YamlNode n) {
        if (n instanceof Scalar s) return s.isNull() ? "null" : "'" + s.text() + "'";
        if (n instanceof Sequence) return "a list";
        return "a mapping";
    }
}
