package org.accords.scenario;

import java.util.Map;

/**
 * A scenario read and merged once, from which variants are bound by setting scalar keys on the
 * in-memory tree: the same override machinery as {@code --set}, with the same validation, but
 * no file is read or parsed again (the roster is read once and shared).
 */
public final class ScenarioTemplate {
    private final YamlNode.Mapping tree;
    private final String defaultName;
    private final ScenarioBinder binder;

    ScenarioTemplate(YamlNode.Mapping tree, String defaultName, ScenarioBinder binder) {
        this.tree = tree;
        this.defaultName = defaultName;
        this.binder = binder;
        bind(Map.of()); // the base must bind on its own
    }

    /**
     * The scenario with each key set to its value (a scalar as in a file; its origin is where
     * errors about it point), in the map's order.
     */
    public Scenario bind(Map<String, YamlNode.Scalar> values) {
        YamlNode.Mapping t = tree;
        for (Map.Entry<String, YamlNode.Scalar> e : values.entrySet()) t = ScenarioLoader.setValue(t, e.getKey(), e.getValue());
        return binder.bind(t, defaultName);
    }
}
