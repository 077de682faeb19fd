package org.accords.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Origin;
import org.accords.scenario.Parameter;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;
import org.accords.scenario.ScenarioTemplate;
import org.accords.scenario.StateSpec;
import org.accords.scenario.Suggest;
import org.accords.scenario.YamlNode;
import org.accords.scenario.YamlReader;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.exception.MathIllegalArgumentException;

/**
 * Reads an experiment file (YAML) with the scenario reader, so every error names the file, the
 * line and the key. Factor keys are checked by binding the base scenario at each factor's lowest
 * and highest value, so a factor can only name a key that a scenario file or --set could set.
 */
public final class ExperimentReader {
    static final List<String> TOP_KEYS = List.of("name", "title", "description", "scenario", "set", "replications", "seed",
            "design", "factors", "outcomes", "sensitivity");
    static final List<String> DESIGN_KEYS = List.of("type", "size", "seed", "levels", "secondOrder");
    static final List<String> FACTOR_KEYS = List.of("key", "levels", "range", "min", "max", "distribution");
    static final List<String> DISTRIBUTION_KEYS = List.of("type", "mean", "sd", "mode", "min", "max");
    static final List<String> OUTCOME_KEYS = List.of("measure", "state", "month", "quantile", "until");
    static final List<String> SENSITIVITY_KEYS = List.of("morris", "sobol", "bootstrap");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final String BLOC = "bloc:";

    private final ScenarioLoader loader;

    public ExperimentReader(ScenarioLoader loader) { this.loader = loader; }

    /** The parsed file and the scenario template its points are bound from. */
    public record Loaded(ExperimentSpec spec, ScenarioTemplate template, Map<String, YamlNode.Scalar> set, Scenario base) {}

    public Loaded read(Path file) {
        YamlNode.Mapping root = new YamlReader().readFile(file);
        check(root, "", TOP_KEYS);
        String source = file.toString();
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = root.get("name") == null ? stem : text(root.get("name"), "name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) throw new BadInputException(root.get("name").origin(), "name", "must be letters, digits, '-', '_' or '.', found '" + name + "'");
        String title = root.get("title") == null ? "" : text(root.get("title"), "title");
        String description = root.get("description") == null ? "" : text(root.get("description"), "description");

        YamlNode scNode = root.get("scenario");
        if (scNode == null) throw new BadInputException(root.origin(), "scenario", "missing (required): the base scenario, a preset name or a file");
        String scenario = text(scNode, "scenario");
        Path beside = file.toAbsolutePath().getParent().resolve(scenario);
        String scenarioRef = Files.isRegularFile(beside) ? beside.toString() : scenario;
        ScenarioTemplate template;
        try {
            template = loader.template(scenarioRef, List.of(), List.of());
        } catch (BadInputException e) {
            if (e.origin() != null) throw e; // an error inside the scenario file names its own place
            throw new BadInputException(scNode.origin(), "scenario", e.problem());
        }

        Map<String, YamlNode.Scalar> set = new LinkedHashMap<>();
        YamlNode setNode = root.get("set");
        if (setNode != null && !isNull(setNode)) {
            YamlNode.Mapping m = mapping(setNode, "set");
            for (YamlNode.Entry e : m.entries().values()) {
                if (!(e.value() instanceof YamlNode.Scalar s) || s.isNull()) throw new BadInputException(e.keyOrigin(), "set." + e.key(), "expected a single value");
                set.put(e.key(), s);
            }
        }
        Scenario base = bindOrExplain(template, set, null, root.keyOrigin("set"), "set");

        int replications = root.get("replications") == null ? 100 : (int) integer(root.get("replications"), "replications", 1, 10_000_000);
        Long seed = root.get("seed") == null ? null : integer(root.get("seed"), "seed", 0, Long.MAX_VALUE);

        YamlNode factorsNode = root.get("factors");
        if (factorsNode == null) throw new BadInputException(root.origin(), "factors", "missing (required): at least one factor");
        List<Factor> factors = new ArrayList<>();
        for (YamlNode.Entry e : mapping(factorsNode, "factors").entries().values()) {
            factors.add(factor(e, base, template, set));
        }
        if (factors.isEmpty()) throw new BadInputException(factorsNode.origin(), "factors", "at least one factor is needed");

        YamlNode outcomesNode = root.get("outcomes");
        if (outcomesNode == null) throw new BadInputException(root.origin(), "outcomes", "missing (required): at least one outcome");
        List<Outcome> outcomes = new ArrayList<>();
        for (YamlNode.Entry e : mapping(outcomesNode, "outcomes").entries().values()) outcomes.add(outcome(e, base));
        if (outcomes.isEmpty()) throw new BadInputException(outcomesNode.origin(), "outcomes", "at least one outcome is needed");

        YamlNode designNode = root.get("design");
        if (designNode == null) throw new BadInputException(root.origin(), "design", "missing (required): type and size");
        ExperimentSpec.DesignSpec design = design(mapping(designNode, "design"), "design", null);
        ExperimentSpec.SensitivitySpec sensitivity = null;
        YamlNode sensNode = root.get("sensitivity");
        if (sensNode != null && !isNull(sensNode)) {
            YamlNode.Mapping sm = mapping(sensNode, "sensitivity");
            check(sm, "sensitivity", SENSITIVITY_KEYS);
            ExperimentSpec.DesignSpec morris = sm.get("morris") == null ? null
                    : design(mapping(sm.get("morris"), "sensitivity.morris"), "sensitivity.morris", ExperimentSpec.DesignType.MORRIS);
            ExperimentSpec.DesignSpec sobol = sm.get("sobol") == null ? null
                    : design(mapping(sm.get("sobol"), "sensitivity.sobol"), "sensitivity.sobol", ExperimentSpec.DesignType.SALTELLI);
            int bootstrap = sm.get("bootstrap") == null ? 200 : (int) integer(sm.get("bootstrap"), "sensitivity.bootstrap", 0, 100_000);
            sensitivity = new ExperimentSpec.SensitivitySpec(morris, sobol, bootstrap);
        }
        ExperimentSpec spec = new ExperimentSpec(file, name, title, description, scenarioRef, toText(set), replications, seed,
                design, factors, outcomes, sensitivity);
        long points = Designs.size(spec, design);
        if (points > 200_000) throw new BadInputException(designNode.origin(), "design.size", "the design has " + points + " points; at most 200,000");
        if (sensitivity != null) {
            for (ExperimentSpec.DesignSpec d : new ExperimentSpec.DesignSpec[] {sensitivity.morris(), sensitivity.sobol()}) {
                if (d != null && Designs.size(spec, d) > 200_000) throw new BadInputException(sensNode.origin(), "sensitivity", "a design has more than 200,000 points");
            }
        }
        return new Loaded(spec, template, set, base);
    }

    private static Map<String, String> toText(Map<String, YamlNode.Scalar> set) {
        Map<String, String> out = new LinkedHashMap<>();
        set.forEach((k, v) -> out.put(k, v.text()));
        return out;
    }

    // ---- factors ------------------------------------------------------------------------------

    private Factor factor(YamlNode.Entry e, Scenario base, ScenarioTemplate template, Map<String, YamlNode.Scalar> set) {
        String at = "factors." + e.key();
        if (!e.key().matches("[A-Za-z][A-Za-z0-9_]*")) throw new BadInputException(e.keyOrigin(), at, "a factor name is letters, digits and '_' (it names a CSV column)");
        YamlNode.Mapping m = mapping(e.value(), at);
        check(m, at, FACTOR_KEYS);
        YamlNode keyNode = m.get("key");
        if (keyNode == null) throw new BadInputException(m.origin(), at + ".key", "missing (required): the scenario key this factor sets");
        String key = text(keyNode, at + ".key");
        List<String> keys = expandBloc(key, base, keyNode.origin(), at + ".key");
        Factor.Type type = typeOf(keys.get(0));

        int given = (m.get("levels") != null ? 1 : 0) + (m.get("range") != null || m.get("min") != null || m.get("max") != null ? 1 : 0)
                + (m.get("distribution") != null ? 1 : 0);
        if (given != 1) throw new BadInputException(m.origin(), at, "give exactly one of levels, range (or min and max) and distribution");
        Factor f;
        if (m.get("levels") != null) {
            YamlNode ln = m.get("levels");
            if (!(ln instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) throw new BadInputException(ln.origin(), at + ".levels", "expected a non-empty list of values");
            List<String> levels = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                String t = text(item, at + ".levels");
                if (levels.contains(t)) throw new BadInputException(item.origin(), at + ".levels", "level '" + t + "' is listed twice");
                levels.add(t);
            }
            f = new Factor(e.key(), key, keys, levels, 0, 0, null, type == Factor.Type.MONTH ? Factor.Type.MONTH : Factor.Type.TEXT, e.keyOrigin());
        } else if (m.get("distribution") != null) {
            if (type == Factor.Type.MONTH || type == Factor.Type.TEXT) throw new BadInputException(m.get("distribution").origin(), at + ".distribution", "a distribution needs a numeric key; use levels or a range of months");
            f = distribution(e, mapping(m.get("distribution"), at + ".distribution"), at + ".distribution", key, keys, type);
        } else {
            YamlNode lo;
            YamlNode hi;
            if (m.get("range") != null) {
                if (m.get("min") != null || m.get("max") != null) throw new BadInputException(m.get("range").origin(), at + ".range", "give range or min and max, not both");
                if (!(m.get("range") instanceof YamlNode.Sequence seq) || seq.items().size() != 2) throw new BadInputException(m.get("range").origin(), at + ".range", "expected [low, high]");
                lo = seq.items().get(0);
                hi = seq.items().get(1);
            } else {
                lo = m.get("min");
                hi = m.get("max");
                if (lo == null || hi == null) throw new BadInputException(m.origin(), at + (lo == null ? ".min" : ".max"), "missing: a range needs min and max");
            }
            if (type == Factor.Type.TEXT) throw new BadInputException(m.origin(), at, "key " + key + " takes text: list its levels");
            double a = type == Factor.Type.MONTH ? Factor.monthIndex(month(lo, at + ".range")) : number(lo, at + ".range");
            double b = type == Factor.Type.MONTH ? Factor.monthIndex(month(hi, at + ".range")) : number(hi, at + ".range");
            if (type == Factor.Type.INTEGER && (a != Math.rint(a) || b != Math.rint(b))) throw new BadInputException(lo.origin(), at + ".range", "key " + key + " takes whole numbers");
            if (!(a < b)) throw new BadInputException(lo.origin(), at + ".range", "the low end must be below the high end");
            f = new Factor(e.key(), key, keys, null, a, b, null, type, e.keyOrigin());
        }
        // the key and the extreme values must bind: a factor can set only what a scenario file could
        for (double u : new double[] {0, 1}) {
            Map<String, YamlNode.Scalar> values = new LinkedHashMap<>(set);
            for (String k : keys) values.put(k, new YamlNode.Scalar(f.text(u), e.keyOrigin()));
            bindOrExplain(template, values, f.text(u), e.keyOrigin(), at);
        }
        if (f.isLevels()) {
            for (int i = 0; i < f.levels().size(); i++) {
                Map<String, YamlNode.Scalar> values = new LinkedHashMap<>(set);
                for (String k : keys) values.put(k, new YamlNode.Scalar(f.levels().get(i), e.keyOrigin()));
                bindOrExplain(template, values, f.levels().get(i), m.get("levels").origin(), at + ".levels");
            }
        }
        return f;
    }

    private Factor distribution(YamlNode.Entry e, YamlNode.Mapping d, String at, String key, List<String> keys, Factor.Type type) {
        check(d, at, DISTRIBUTION_KEYS);
        String kind = d.get("type") == null ? null : text(d.get("type"), at + ".type");
        Parameter p = Parameter.byPath(key);
        try {
            if ("uniform".equals(kind)) {
                double lo = number(need(d, "min", at), at + ".min");
                double hi = number(need(d, "max", at), at + ".max");
                if (!(lo < hi)) throw new BadInputException(d.origin(), at, "min must be below max");
                return new Factor(e.key(), key, keys, null, lo, hi, new UniformRealDistribution(lo, hi), type, e.keyOrigin());
            }
            if ("normal".equals(kind)) {
                double mean = number(need(d, "mean", at), at + ".mean");
                double sd = number(need(d, "sd", at), at + ".sd");
                if (!(sd > 0)) throw new BadInputException(d.get("sd").origin(), at + ".sd", "must be positive");
                double lo = d.get("min") != null ? number(d.get("min"), at + ".min") : p != null ? Math.max(p.min(), mean - 4 * sd) : mean - 4 * sd;
                double hi = d.get("max") != null ? number(d.get("max"), at + ".max") : p != null ? Math.min(p.max(), mean + 4 * sd) : mean + 4 * sd;
                if (!(lo < hi)) throw new BadInputException(d.origin(), at, "min must be below max");
                return new Factor(e.key(), key, keys, null, lo, hi, new NormalDistribution(null, mean, sd), type, e.keyOrigin());
            }
            if ("triangular".equals(kind)) {
                double lo = number(need(d, "min", at), at + ".min");
                double mode = number(need(d, "mode", at), at + ".mode");
                double hi = number(need(d, "max", at), at + ".max");
                return new Factor(e.key(), key, keys, null, lo, hi, new TriangularDistribution(null, lo, mode, hi), type, e.keyOrigin());
            }
        } catch (MathIllegalArgumentException bad) {
            throw new BadInputException(d.origin(), at, "invalid distribution: " + bad.getMessage());
        }
        throw new BadInputException(d.get("type") == null ? d.origin() : d.get("type").origin(), at + ".type",
                "expected uniform, normal or triangular" + (kind == null ? "" : ", found '" + kind + "'"));
    }

    private static YamlNode need(YamlNode.Mapping m, String k, String at) {
        YamlNode n = m.get(k);
        if (n == null || isNull(n)) throw new BadInputException(m.origin(), at + "." + k, "missing (required)");
        return n;
    }

    /** A key through {@code states.overrides.bloc:NAME.attribute} names that attribute of every state of the bloc. */
    private static List<String> expandBloc(String key, Scenario base, Origin origin, String at) {
        String[] parts = key.split("\\.");
        if (parts.length != 4 || !parts[0].equals("states") || !parts[1].equals("overrides") || !parts[2].startsWith(BLOC)) return List.of(key);
        String bloc = parts[2].substring(BLOC.length());
        List<String> keys = new ArrayList<>();
        java.util.Set<String> blocs = new java.util.TreeSet<>();
        for (StateSpec s : base.states()) {
            blocs.addAll(s.blocs());
            if (s.blocs().contains(bloc)) keys.add("states.overrides." + s.id() + "." + parts[3]);
        }
        if (keys.isEmpty()) throw new BadInputException(origin, at, "no state of the scenario is in bloc '" + bloc + "'" + Suggest.hint(bloc, blocs) + "; blocs: " + String.join(", ", blocs));
        return keys;
    }

    private static Factor.Type typeOf(String key) {
        Parameter p = Parameter.byPath(key);
        if (p != null) {
            return switch (p.type()) {
                case MONTH -> Factor.Type.MONTH;
                case INT, LONG -> Factor.Type.INTEGER;
                case TEXT -> Factor.Type.TEXT;
                case NUMBER -> Factor.Type.NUMBER;
            };
        }
        String last = key.substring(key.lastIndexOf('.') + 1);
        if (key.startsWith("shocks.") && (last.equals("start") || last.equals("end"))) return Factor.Type.MONTH;
        if (key.startsWith("shocks.") && (last.equals("duration") || last.equals("ramp") || last.equals("decay"))) return Factor.Type.INTEGER;
        if (key.startsWith("shocks.") && (last.equals("label") || last.equals("target") || last.equals("enabled"))) return Factor.Type.TEXT;
        return Factor.Type.NUMBER;
    }

    /** Binds, and reports a problem at the experiment file's line with the scenario's message. */
    static Scenario bindOrExplain(ScenarioTemplate template, Map<String, YamlNode.Scalar> values, String value, Origin origin, String at) {
        try {
            return template.bind(values);
        } catch (BadInputException e) {
            String what = (e.key() == null ? "" : e.key() + ": ") + e.problem();
            throw new BadInputException(origin, at, (value == null ? "" : "at " + value + ", ") + what);
        }
    }

    // ---- outcomes -----------------------------------------------------------------------------

    private static Outcome outcome(YamlNode.Entry e, Scenario base) {
        String at = "outcomes." + e.key();
        if (!e.key().matches("[A-Za-z][A-Za-z0-9_]*")) throw new BadInputException(e.keyOrigin(), at, "an outcome name is letters, digits and '_'");
        YamlNode.Mapping m = mapping(e.value(), at);
        check(m, at, OUTCOME_KEYS);
        YamlNode mn = m.get("measure");
        if (mn == null) throw new BadInputException(m.origin(), at + ".measure", "missing (required)");
        String mk = text(mn, at + ".measure");
        Outcome.Measure measure = Outcome.Measure.byKey(mk);
        List<String> known = new ArrayList<>();
        for (Outcome.Measure x : Outcome.Measure.values()) known.add(x.key);
        if (measure == null) throw new BadInputException(mn.origin(), at + ".measure", "unknown measure '" + mk + "'" + Suggest.hint(mk, known) + "; measures: " + String.join(", ", known));
        boolean perState = measure == Outcome.Measure.JOINED_BY || measure == Outcome.Measure.MEMBER || measure == Outcome.Measure.JOIN_MONTH;
        String state = null;
        if (perState) {
            YamlNode sn = m.get("state");
            if (sn == null) throw new BadInputException(m.origin(), at + ".state", "missing (required for " + mk + ")");
            state = text(sn, at + ".state");
            if (base.indexOf(state) < 0) {
                List<String> ids = base.states().stream().map(StateSpec::id).toList();
                throw new BadInputException(sn.origin(), at + ".state", "state '" + state + "' is not in the scenario" + Suggest.hint(state, ids));
            }
        } else if (m.get("state") != null) {
            throw new BadInputException(m.keyOrigin("state"), at + ".state", "measure " + mk + " is not per state");
        }
        YearMonth month = m.get("month") == null ? null : inRun(month(m.get("month"), at + ".month"), base, m.get("month").origin(), at + ".month");
        double q = 0.5;
        if (measure == Outcome.Measure.JOIN_MONTH && m.get("quantile") != null) {
            q = number(m.get("quantile"), at + ".quantile");
            if (!(q > 0 && q < 1)) throw new BadInputException(m.get("quantile").origin(), at + ".quantile", "must be between 0 and 1 (exclusive)");
        }
        YearMonth until = null;
        if (measure == Outcome.Measure.HISTORY_FIT) {
            if (base.observed().isEmpty()) throw new BadInputException(mn.origin(), at + ".measure", "the scenario has no observed record to fit");
            if (m.get("until") != null) until = inRun(month(m.get("until"), at + ".until"), base, m.get("until").origin(), at + ".until");
        }
        return new Outcome(e.key(), measure, state, month, q, until);
    }

    private static YearMonth inRun(YearMonth m, Scenario base, Origin origin, String at) {
        if (m.isBefore(base.run().start()) || m.isAfter(base.run().end())) {
            throw new BadInputException(origin, at, m + " is outside the run " + base.run().start() + " .. " + base.run().end());
        }
        return m;
    }

    // ---- design -------------------------------------------------------------------------------

    private static ExperimentSpec.DesignSpec design(YamlNode.Mapping m, String at, ExperimentSpec.DesignType fixed) {
        check(m, at, fixed == null ? DESIGN_KEYS
                : fixed == ExperimentSpec.DesignType.MORRIS ? List.of("trajectories", "levels", "seed") : List.of("n", "secondOrder", "seed"));
        ExperimentSpec.DesignType type = fixed;
        if (type == null) {
            YamlNode tn = m.get("type");
            if (tn == null) throw new BadInputException(m.origin(), at + ".type", "missing (required): factorial, lhs, sobol, morris or saltelli");
            String t = text(tn, at + ".type");
            for (ExperimentSpec.DesignType d : ExperimentSpec.DesignType.values()) if (d.name().equalsIgnoreCase(t)) type = d;
            if (type == null) throw new BadInputException(tn.origin(), at + ".type", "expected factorial, lhs, sobol, morris or saltelli, found '" + t + "'"
                    + Suggest.hint(t, List.of("factorial", "lhs", "sobol", "morris", "saltelli")));
        }
        String sizeKey = fixed == ExperimentSpec.DesignType.MORRIS ? "trajectories" : fixed == ExperimentSpec.DesignType.SALTELLI ? "n" : "size";
        YamlNode sn = m.get(sizeKey);
        int size;
        if (sn == null) {
            if (type != ExperimentSpec.DesignType.FACTORIAL) throw new BadInputException(m.origin(), at + "." + sizeKey, "missing (required for " + type.name().toLowerCase() + ")");
            size = 5;
        } else {
            size = (int) integer(sn, at + "." + sizeKey, type == ExperimentSpec.DesignType.SALTELLI ? 2 : 1, 1_000_000);
        }
        long seed = m.get("seed") == null ? 1 : integer(m.get("seed"), at + ".seed", 0, Long.MAX_VALUE);
        int levels = 4;
        if (m.get("levels") != null) {
            levels = (int) integer(m.get("levels"), at + ".levels", 2, 100);
            if (type != ExperimentSpec.DesignType.MORRIS) throw new BadInputException(m.keyOrigin("levels"), at + ".levels", "only a morris design has grid levels");
            if (levels % 2 != 0) throw new BadInputException(m.get("levels").origin(), at + ".levels", "must be even (Morris grid), found " + levels);
        }
        boolean second = false;
        if (m.get("secondOrder") != null) {
            String t = text(m.get("secondOrder"), at + ".secondOrder");
            if (!t.equals("true") && !t.equals("false")) throw new BadInputException(m.get("secondOrder").origin(), at + ".secondOrder", "expected true or false, found '" + t + "'");
            if (type != ExperimentSpec.DesignType.SALTELLI) throw new BadInputException(m.keyOrigin("secondOrder"), at + ".secondOrder", "only a saltelli design has second order");
            second = t.equals("true");
        }
        return new ExperimentSpec.DesignSpec(type, size, seed, levels, second);
    }

    // ---- scalars ------------------------------------------------------------------------------

    private static void check(YamlNode.Mapping m, String section, List<String> allowed) {
        for (YamlNode.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                String path = section.isEmpty() ? e.key() : section + "." + e.key();
                throw new BadInputException(e.keyOrigin(), path, "unknown key" + Suggest.hint(e.key(), allowed) + "; known here: " + String.join(", ", allowed));
            }
        }
    }

    private static YamlNode.Mapping mapping(YamlNode n, String at) {
        if (n instanceof YamlNode.Mapping m) return m;
        throw new BadInputException(n.origin(), at, "expected a mapping, found " + YamlNode.describe(n));
    }

    private static boolean isNull(YamlNode n) { return n instanceof YamlNode.Scalar s && s.isNull(); }

    private static String text(YamlNode n, String at) {
        if (n instanceof YamlNode.Scalar s && !s.isNull()) return s.text();
        throw new BadInputException(n.origin(), at, "expected a value, found " + YamlNode.describe(n));
    }

    private static double number(YamlNode n, String at) {
        String t = text(n, at).trim();
        if (!DECIMAL.matcher(t).matches()) throw new BadInputException(n.origin(), at, "expected a number, found '" + t + "'");
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) throw new BadInputException(n.origin(), at, "must be a finite number, found '" + t + "'");
        return v;
    }

    private static long integer(YamlNode n, String at, long min, long max) {
        String t = text(n, at).trim();
        long v;
        try {
            v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new BadInputException(n.origin(), at, "expected a whole number, found '" + t + "'");
        }
        if (v < min || v > max) throw new BadInputException(n.origin(), at, "must be between " + min + " and " + max + ", found " + t);
        return v;
    }

    private static YearMonth month(YamlNode n, String at) {
        String t = text(n, at).trim();
        if (!MONTH.matcher(t).matches()) throw new BadInputException(n.origin(), at, "expected a month as YYYY-MM, found '" + t + "'");
        try {
            return YearMonth.parse(t);
        } catch (DateTimeException e) {
            throw new BadInputException(n.origin(), at, "not a valid month: '" + t + "'");
        }
    }
}
