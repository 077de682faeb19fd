package org.accords.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import sim.util.Properties;

/**
 * Read-only MASON properties built from named getters: the inspectors of a state and of the US
 * broker list rows, not bean methods, so adding what the model exposes is one line.
 */
final class ViewProperties extends Properties {
    private static final long serialVersionUID = 1L;

    private record Row(String name, Class<?> type, Supplier<?> value, String description) {}

    private final List<Row> rows = new ArrayList<>();

    ViewProperties(Object object) { this.object = object; }

    ViewProperties number(String name, Supplier<Double> value, String description) {
        rows.add(new Row(name, Double.TYPE, value, description));
        return this;
    }

    ViewProperties text(String name, Supplier<String> value, String description) {
        rows.add(new Row(name, String.class, value, description));
        return this;
    }

    ViewProperties flag(String name, Supplier<Boolean> value, String description) {
        rows.add(new Row(name, Boolean.TYPE, value, description));
        return this;
    }

    /** The row's current value by name, for tests and for callers that know the name. */
    Object value(String name) {
        for (Row r : rows) if (r.name.equals(name)) return r.value.get();
        throw new IllegalArgumentException("no property " + name);
    }

    List<String> names() { return rows.stream().map(Row::name).toList(); }

    @Override public boolean isVolatile() { return true; }
    @Override public int numProperties() { return rows.size(); }
    @Override public Object getValue(int i) { return rows.get(i).value.get(); }
    @Override public boolean isReadWrite(int i) { return false; }
    @Override public String getName(int i) { return rows.get(i).name; }
    @Override public Class getType(int i) { return rows.get(i).type; }
    @Override public String getDescription(int i) { return rows.get(i).description; }
    @Override protected Object _setValue(int i, Object value) { return null; }
}
