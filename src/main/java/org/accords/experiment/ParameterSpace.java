package org.accords.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The space the calibration searches: coordinates, each within bounds, and the scenario keys they
 * set. Orders that a parameter's name promises are built in by reparametrisation, so no point of
 * the space can cross them: the exit threshold is the join threshold less a positive gap
 * (θ_exit &lt; θ_join), and the symbolic-join cost is a share in [0, 1] of the substantive one (a
 * symbolic join never costs more). Weights, costs and rates are non-negative by their bounds.
 * This is the one definition of the fitted parameters and their bounds; point fits and
 * history matching both sample it.
 */
public final class ParameterSpace {
    /** A searched coordinate: a scenario key itself, or a gap or share from which one is derived. */
    public record Dimension(String name, double lower, double upper, String meaning) {}

    /** How a scenario key is computed from the coordinates (by name). */
    private interface Rule {
        double value(Map<String, Double> c);
    }

    private record Key(String key, Rule rule) {}

    private final List<Dimension> dimensions = new ArrayList<>();
    private final List<Key> keys = new ArrayList<>();

    ParameterSpace plain(String key, double lower, double upper) {
        dimensions.add(new Dimension(key, lower, upper, key));
        keys.add(new Key(key, c -> c.get(key)));
        return this;
    }

    /** key = base - gap, with the gap a coordinate in [lower, upper] (lower > 0 keeps key strictly below base). */
    ParameterSpace below(String key, String base, String gapName, double lower, double upper) {
        dimensions.add(new Dimension(gapName, lower, upper, base + " - " + key));
        keys.add(new Key(key, c -> c.get(base) - c.get(gapName)));
        return this;
    }

    /** key = share x base, with the share a coordinate in [0, 1] (key never exceeds base). */
    ParameterSpace shareOf(String key, String base, String shareName) {
        dimensions.add(new Dimension(shareName, 0, 1, key + " / " + base));
        keys.add(new Key(key, c -> c.get(shareName) * c.get(base)));
        return this;
    }

    public List<Dimension> dimensions() { return List.copyOf(dimensions); }

    public int size() { return dimensions.size(); }

    /** The scenario keys set, in order. */
    public List<String> keys() { return keys.stream().map(Key::key).toList(); }

    /** Scenario key -> value at coordinates {@code x} (clamped into their bounds). */
    public Map<String, Double> values(double[] x) {
        Map<String, Double> c = new LinkedHashMap<>();
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension d = dimensions.get(i);
            c.put(d.name(), Math.min(d.upper(), Math.max(d.lower(), x[i])));
        }
        Map<String, Double> v = new LinkedHashMap<>();
        for (Key k : keys) v.put(k.key(), k.rule().value(c));
        return v;
    }

    /** key=value overrides for these key values. */
    public List<String> overrides(Map<String, Double> values) {
        List<String> o = new ArrayList<>();
        for (var e : values.entrySet()) o.add(e.getKey() + "=" + String.format(Locale.ROOT, "%.12f", e.getValue()));
        return o;
    }

    /** The coordinates that give these key values (the inverse of {@link #values}); a share of a zero base is 0. */
    public double[] coordinatesOf(Map<String, Double> values) {
        Map<String, Double> c = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Dimension d = dimensions.get(i);
            String m = d.meaning();
            double v;
            if (m.equals(d.name())) v = values.get(d.name());
            else if (m.contains(" - ")) v = values.get(m.substring(0, m.indexOf(" - "))) - values.get(m.substring(m.indexOf(" - ") + 3));
            else {
                double base = values.get(m.substring(m.indexOf(" / ") + 3));
                v = base == 0 ? 0 : values.get(m.substring(0, m.indexOf(" / "))) / base;
            }
            c.put(d.name(), v);
        }
        return dimensions.stream().mapToDouble(d -> c.get(d.name())).toArray();
    }

    /** Names of the coordinates within 0.5% of their range from a bound at {@code x}, with the bound. */
    public List<String> boundsReached(double[] x) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension d = dimensions.get(i);
            double tol = 0.005 * (d.upper() - d.lower());
            if (x[i] <= d.lower() + tol) out.add(d.name() + " at its lower bound " + fmt(d.lower()));
            else if (x[i] >= d.upper() - tol) out.add(d.name() + " at its upper bound " + fmt(d.upper()));
        }
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
