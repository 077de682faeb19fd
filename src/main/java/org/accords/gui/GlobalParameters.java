package org.accords.gui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accords.scenario.Parameter;
import org.accords.scenario.Scenario;
import sim.util.Interval;
import sim.util.Propertied;
import sim.util.Properties;

/**
 * The Console's Model tab: every global parameter of the model, the US broker and the world's
 * start values (the numeric keys of {@link Parameter#ALL} under {@code model.}, {@code us.} and
 * {@code world.}), each a slider over its valid range with the scenario's value as default.
 * A change applies from the next replication (Stop, then Play), as a {@code --set} would.
 */
public final class GlobalParameters implements Propertied {
    private final List<Parameter> parameters = new ArrayList<>();
    /** The scenario's values (what the command line loaded), by path. */
    private final Map<String, Number> defaults = new LinkedHashMap<>();
    /** Current values, by path; a path whose value differs from its default becomes an override. */
    private final Map<String, Number> values = new LinkedHashMap<>();
    private final Props props = new Props();

    public GlobalParameters(Scenario scenario) {
        for (Parameter p : Parameter.ALL) {
            boolean global = p.path().startsWith("model.") || p.path().startsWith("us.") || p.path().startsWith("world.");
            boolean numeric = p.type() == Parameter.Type.NUMBER || p.type() == Parameter.Type.INT;
            if (!global || !numeric) continue;
            Object v = resolved(scenario.resolved(), p.path());
            Number n = v instanceof Number num ? num : (Number) p.defaultValue();
            parameters.add(p);
            defaults.put(p.path(), n);
            values.put(p.path(), n);
        }
    }

    private static Object resolved(Map<String, Object> tree, String path) {
        Object node = tree;
        for (String key : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> m)) return null;
            node = m.get(key);
        }
        return node;
    }

    /** The changed values as {@code key=value} overrides, in declaration order. */
    public synchronized List<String> overrides() {
        List<String> out = new ArrayList<>();
        for (Parameter p : parameters) {
            Number v = values.get(p.path());
            if (v.doubleValue() != defaults.get(p.path()).doubleValue()) out.add(p.path() + "=" + text(p, v));
        }
        return out;
    }

    public synchronized Number value(String path) { return values.get(path); }

    /** Sets a parameter as the slider would; out-of-range values are clamped to the declared range. */
    public synchronized void set(String path, double value) {
        for (Parameter p : parameters) {
            if (!p.path().equals(path)) continue;
            double v = Math.max(p.min(), Math.min(p.max(), value));
            values.put(path, p.type() == Parameter.Type.INT ? (Number) (int) Math.round(v) : (Number) v);
            return;
        }
        throw new IllegalArgumentException("not a global parameter: " + path);
    }

    /** Back to the scenario's values (after the scenario refused a combination). */
    public synchronized void reset() { values.putAll(defaults); }

    public List<String> paths() { return parameters.stream().map(Parameter::path).toList(); }

    private static String text(Parameter p, Number v) {
        return p.type() == Parameter.Type.INT ? String.valueOf(v.intValue()) : String.format(Locale.ROOT, "%s", v.doubleValue());
    }

    @Override
    public Properties properties() { return props; }

    private final class Props extends Properties {
        private static final long serialVersionUID = 1L;

        Props() { object = GlobalParameters.this; }

        @Override public boolean isVolatile() { return false; }
        @Override public int numProperties() { return parameters.size(); }
        @Override public Object getValue(int i) { return value(parameters.get(i).path()); }
        @Override public boolean isReadWrite(int i) { return true; }
        @Override public String getName(int i) { return parameters.get(i).path(); }

        @Override
        public Class getType(int i) { return parameters.get(i).type() == Parameter.Type.INT ? Integer.TYPE : Double.TYPE; }

        @Override
        public Object getDomain(int i) {
            Parameter p = parameters.get(i);
            return p.type() == Parameter.Type.INT ? new Interval((long) p.min(), (long) p.max()) : new Interval(p.min(), p.max());
        }

        @Override
        public String getDescription(int i) {
            Parameter p = parameters.get(i);
            return "<html>" + p.doc() + "<br>range " + p.rangeText() + "; scenario value " + defaults.get(p.path())
                    + "<br>applies from the next replication (Stop, then Play)</html>";
        }

        @Override
        protected Object _setValue(int i, Object value) {
            set(parameters.get(i).path(), ((Number) value).doubleValue());
            return getValue(i);
        }
    }
}
