package org.accords.scenario;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Binds a merged scenario tree to a validated {@link Scenario}; every check names file, line and key. */
final class ScenarioBinder {
    static final List<String> TOP_KEYS = List.of("name", "title", "description", "run", "model", "us", "world", "states", "shocks", "observed");
    static final List<String> STATES_KEYS = List.of("roster", "include", "exclude", "overrides");
    static final List<String> SHOCK_KEYS = List.of("id", "label", "enabled", "start", "end", "duration", "ramp", "decay", "target", "effects");
    static final List<String> OBSERVED_KEYS = List.of("state", "kind", "month", "date", "note", "source");

    private final Path presetDir;
    private final YamlReader reader;

    /** Rosters already read, by file, when this binder binds many variants of one scenario. */
    private final Map<Path, List<StateSpec>> rosters;

    ScenarioBinder(Path presetDir, YamlReader reader) {
        this(presetDir, reader, false);
    }

    /** @param cacheRosters read each roster file once (for the many points of an experiment) */
    ScenarioBinder(Path presetDir, YamlReader reader, boolean cacheRosters) {
        this.presetDir = presetDir;
        this.reader = reader;
        this.rosters = cacheRosters ? new java.util.concurrent.ConcurrentHashMap<>() : null;
    }

    Scenario bind(YamlNode.Mapping tree, String defaultName) {
        checkKeys(tree, "", TOP_KEYS);
        for (String section : List.of("run", "model", "model.weights", "us", "world")) {
            YamlNode n = at(tree, section);
            if (n == null || isNull(n)) continue;
            if (!(n instanceof YamlNode.Mapping m)) throw new BadInputException(n.origin(), section, "expected a mapping, found " + YamlNode.describe(n));
            checkKeys(m, section, Parameter.childKeys(section));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        for (Parameter p : Parameter.ALL) v.put(p.path(), scalarValue(tree, p, defaultName));

        RunSettings run = new RunSettings((YearMonth) v.get("run.start"), (YearMonth) v.get("run.end"),
                ((Long) v.get("run.replications")).intValue(), (Long) v.get("run.seed"));
        if (run.end().isBefore(run.start())) {
            throw new BadInputException(originOf(tree, "run.end"), "run.end", "the run ends (" + run.end() + ") before it starts (" + run.start() + ")");
        }
        if (run.months() > 1200) throw new BadInputException(originOf(tree, "run.end"), "run.end", "a run may span at most 100 years");

        Weights weights = new Weights(d(v, "model.weights.iranThreat"), d(v, "model.weights.palestinianPressure"),
                d(v, "model.weights.economicDiversification"), d(v, "model.weights.usRewards"), d(v, "model.weights.peerInfluence"));
        ModelParameters model = new ModelParameters(weights, d(v, "model.joinThreshold"), d(v, "model.exitThreshold"),
                d(v, "model.temperature"), d(v, "model.maxHazard"), d(v, "model.joinCost"), d(v, "model.symbolicJoinCost"),
                d(v, "model.insulationDamping"), d(v, "model.gazaAmplification"), d(v, "model.statehoodRelief"),
                d(v, "model.blocPeerShare"), d(v, "model.prestigeGain"), d(v, "model.prestigeDilution"));
        if (model.exitThreshold() >= model.joinThreshold()) {
            throw new BadInputException(originOf(tree, "model.exitThreshold"), "model.exitThreshold",
                    "must be below model.joinThreshold (" + model.joinThreshold() + "), found " + model.exitThreshold());
        }
        BrokerParameters us = new BrokerParameters(d(v, "us.offerRate"), d(v, "us.offerSize"), d(v, "us.offerDecay"),
                d(v, "us.rewardFloor"), ((Long) v.get("us.capacity")).intValue());
        double[] world = new double[WorldVariable.values().length];
        for (WorldVariable w : WorldVariable.values()) world[w.ordinal()] = d(v, "world." + w.key());

        Path rosterFile = rosterFile(tree, (String) v.get("states.roster"));
        List<StateSpec> roster = rosters == null ? new RosterReader(reader).read(rosterFile)
                : rosters.computeIfAbsent(rosterFile, f -> new RosterReader(reader).read(f));
        YamlNode statesNode = tree.get("states");
        YamlNode.Mapping statesSection = statesNode instanceof YamlNode.Mapping m ? m : null;
        if (statesNode != null && !isNull(statesNode) && statesSection == null) {
            throw new BadInputException(statesNode.origin(), "states", "expected a mapping, found " + YamlNode.describe(statesNode));
        }
        if (statesSection != null) checkKeys(statesSection, "states", STATES_KEYS);
        List<StateSpec> states = selectStates(statesSection, roster);

        List<Shock> shocks = bindShocks(tree.get("shocks"), run, states);
        List<Observation> observed = bindObserved(tree.get("observed"), roster);

        String name = (String) v.get("name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new BadInputException(originOf(tree, "name"), "name", "must be letters, digits, '-', '_' or '.', found '" + name + "'");
        }
        Map<String, Object> resolved = resolvedTree(v, statesSection, states, roster, shocks, observed);
        return new Scenario(name, (String) v.get("title"), (String) v.get("description"), run, model, us, world,
                states, shocks, observed, rosterFile, resolved);
    }

    // ---- scalar parameters -------------------------------------------------------------------

    private Object scalarValue(YamlNode.Mapping tree, Parameter p, String defaultName) {
        YamlNode n = at(tree, p.path());
        if (n == null || isNull(n)) {
            if (p.type() == Parameter.Type.MONTH) return YearMonth.parse((String) p.defaultValue());
            if (p.type() == Parameter.Type.INT || p.type() == Parameter.Type.LONG) return ((Number) p.defaultValue()).longValue();
            if (p.defaultValue() == null) return defaultName;
            return p.defaultValue();
        }
        return switch (p.type()) {
            case MONTH -> Values.month(n, p.path());
            case INT, LONG -> Values.integer(n, p.path(), (long) p.min(), p.max() >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) p.max());
            case NUMBER -> Values.number(n, p.path(), p.min(), p.max());
            case TEXT -> Values.text(n, p.path());
        };
    }

    private static double d(Map<String, Object> v, String key) { return (Double) v.get(key); }

    // ---- states -------------------------------------------------------------------------------

    private Path rosterFile(YamlNode.Mapping tree, String rosterName) {
        YamlNode n = at(tree, "states.roster");
        if (n == null || isNull(n)) return presetDir.resolve(rosterName);
        String source = n.origin().source();
        Path base = source.startsWith("--set") ? Path.of("") : Path.of(source).toAbsolutePath().getParent();
        return base.resolve(rosterName).toAbsolutePath().normalize();
    }

    private List<StateSpec> selectStates(YamlNode.Mapping section, List<StateSpec> roster) {
        Map<String, StateSpec> byId = new LinkedHashMap<>();
        for (StateSpec s : roster) byId.put(s.id(), s);
        Set<String> chosen = new LinkedHashSet<>(byId.keySet());
        if (section != null) {
            YamlNode include = section.get("include");
            if (include != null && !isNull(include)) {
                Set<String> inc = new LinkedHashSet<>(stateList(include, "states.include", byId.keySet()));
                chosen.removeIf(id -> !inc.contains(id));
            }
            YamlNode exclude = section.get("exclude");
            if (exclude != null && !isNull(exclude)) chosen.removeAll(stateList(exclude, "states.exclude", byId.keySet()));
            YamlNode overrides = section.get("overrides");
            if (overrides != null && !isNull(overrides)) {
                if (!(overrides instanceof YamlNode.Mapping om)) throw new BadInputException(overrides.origin(), "states.overrides", "expected a mapping of state ids, found " + YamlNode.describe(overrides));
                for (YamlNode.Entry e : om.entries().values()) {
                    String key = "states.overrides." + e.key();
                    if (!byId.containsKey(e.key())) throw new BadInputException(e.keyOrigin(), key, "unknown state id" + Suggest.hint(e.key(), byId.keySet()));
                    if (!(e.value() instanceof YamlNode.Mapping attrs)) throw new BadInputException(e.value().origin(), key, "expected a mapping of attributes, found " + YamlNode.describe(e.value()));
                    checkKeys(attrs, key, StateSpec.NUMERIC_ATTRIBUTES);
                    StateSpec s = byId.get(e.key());
                    for (YamlNode.Entry a : attrs.entries().values()) {
                        s = s.with(a.key(), Values.number(a.value(), key + "." + a.key(), 0, 1));
                    }
                    byId.put(s.id(), s);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new BadInputException(section == null ? null : section.origin(), "states", "no candidate states left after include/exclude");
        }
        List<StateSpec> out = new ArrayList<>();
        for (String id : chosen) out.add(byId.get(id));
        return out;
    }

    private static List<String> stateList(YamlNode n, String key, Set<String> known) {
        if (!(n instanceof YamlNode.Sequence seq)) throw new BadInputException(n.origin(), key, "expected a list of state ids, found " + YamlNode.describe(n));
        List<String> ids = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            String id = Values.text(item, key);
            if (!known.contains(id)) throw new BadInputException(item.origin(), key, "unknown state id '" + id + "'" + Suggest.hint(id, known));
            ids.add(id);
        }
        return ids;
    }

    // ---- shocks -------------------------------------------------------------------------------

    private List<Shock> bindShocks(YamlNode node, RunSettings run, List<StateSpec> states) {
        List<Shock> shocks = new ArrayList<>();
        if (node == null || isNull(node)) return shocks;
        if (!(node instanceof YamlNode.Sequence seq)) throw new BadInputException(node.origin(), "shocks", "expected a list of shocks, found " + YamlNode.describe(node));
        Set<String> ids = new LinkedHashSet<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping m)) throw new BadInputException(item.origin(), "shocks", "each shock must be a mapping, found " + YamlNode.describe(item));
            YamlNode idNode = m.get("id");
            if (idNode == null) throw new BadInputException(m.origin(), "shocks", "a shock needs an id");
            String id = Values.text(idNode, "shocks.id");
            String key = "shocks." + id;
            checkKeys(m, key, SHOCK_KEYS);
            if (!ids.add(id)) throw new BadInputException(idNode.origin(), key, "two shocks have the id '" + id + "'");
            YamlNode enabled = m.get("enabled");
            if (enabled != null && !isNull(enabled)) {
                String t = Values.text(enabled, key + ".enabled");
                if (t.equals("false")) continue;
                if (!t.equals("true")) throw new BadInputException(enabled.origin(), key + ".enabled", "expected true or false, found '" + t + "'");
            }
            shocks.add(bindShock(m, id, key, run, states));
        }
        return shocks;
    }

    private Shock bindShock(YamlNode.Mapping m, String id, String key, RunSettings run, List<StateSpec> states) {
        String label = m.get("label") == null ? id : Values.text(m.get("label"), key + ".label");
        YamlNode startNode = require(m, "start", key);
        YearMonth start = Values.month(startNode, key + ".start");
        YamlNode endNode = m.get("end");
        YamlNode durationNode = m.get("duration");
        YearMonth end;
        if (endNode != null && durationNode != null) {
            throw new BadInputException(durationNode.origin(), key + ".duration", "give either end or duration, not both");
        } else if (endNode != null) {
            end = Values.month(endNode, key + ".end");
            if (end.isBefore(start)) throw new BadInputException(endNode.origin(), key + ".end", "the shock ends (" + end + ") before it starts (" + start + ")");
        } else if (durationNode != null) {
            end = start.plusMonths(Values.integer(durationNode, key + ".duration", 1, 1200) - 1);
        } else {
            end = run.end();
        }
        if (start.isBefore(run.start()) || start.isAfter(run.end())) {
            throw new BadInputException(startNode.origin(), key + ".start", "starts at " + start + ", outside the run " + run.start() + " .. " + run.end());
        }
        if (end.isAfter(run.end())) {
            YamlNode at = endNode != null ? endNode : durationNode;
            throw new BadInputException(at.origin(), key + (endNode != null ? ".end" : ".duration"), "ends at " + end + ", after the run ends (" + run.end() + ")");
        }
        int ramp = m.get("ramp") == null ? 0 : (int) Values.integer(m.get("ramp"), key + ".ramp", 0, 1200);
        int decay = m.get("decay") == null ? 0 : (int) Values.integer(m.get("decay"), key + ".decay", 0, 1200);

        YamlNode targetNode = m.get("target");
        List<String> targetStates = new ArrayList<>();
        String target;
        boolean all = false;
        Set<String> known = new LinkedHashSet<>();
        for (StateSpec s : states) known.add(s.id());
        if (targetNode == null || isNull(targetNode)) {
            target = "all";
        } else if (targetNode instanceof YamlNode.Sequence seqTarget) {
            if (seqTarget.items().isEmpty()) throw new BadInputException(targetNode.origin(), key + ".target", "an empty list targets no state");
            targetStates.addAll(stateList(targetNode, key + ".target", known));
            target = String.join(",", targetStates);
        } else {
            target = Values.text(targetNode, key + ".target").trim();
        }
        if (target.equals("all")) {
            all = true;
            targetStates.addAll(known);
        } else if (target.startsWith("bloc:")) {
            String bloc = target.substring(5);
            Set<String> blocs = new TreeSet<>();
            for (StateSpec s : states) {
                blocs.addAll(s.blocs());
                if (s.blocs().contains(bloc)) targetStates.add(s.id());
            }
            if (!blocs.contains(bloc)) throw new BadInputException(targetNode.origin(), key + ".target", "unknown bloc '" + bloc + "'" + Suggest.hint(bloc, blocs) + "; blocs: " + String.join(", ", blocs));
        } else if (targetStates.isEmpty()) {
            if (!known.contains(target)) throw new BadInputException(targetNode.origin(), key + ".target", "expected all, bloc:<NAME> or a list of state ids; unknown state id '" + target + "'" + Suggest.hint(target, known));
            targetStates.add(target);
        }

        YamlNode effectsNode = require(m, "effects", key);
        if (!(effectsNode instanceof YamlNode.Mapping em)) throw new BadInputException(effectsNode.origin(), key + ".effects", "expected a mapping of driver or world.<variable> to a change, found " + YamlNode.describe(effectsNode));
        List<String> effectKeys = new ArrayList<>();
        for (Driver dr : Driver.values()) effectKeys.add(dr.key());
        for (WorldVariable w : WorldVariable.values()) effectKeys.add("world." + w.key());
        List<Shock.Effect> effects = new ArrayList<>();
        for (YamlNode.Entry e : em.entries().values()) {
            String ek = key + ".effects." + e.key();
            Driver driver = Driver.byKey(e.key());
            WorldVariable variable = e.key().startsWith("world.") ? WorldVariable.byKey(e.key().substring(6)) : null;
            if (driver == null && variable == null) throw new BadInputException(e.keyOrigin(), ek, "unknown effect" + Suggest.hint(e.key(), effectKeys) + "; effects are " + String.join(", ", effectKeys));
            if (variable == WorldVariable.US_ENGAGEMENT && !target.equals("all")) {
                throw new BadInputException(e.keyOrigin(), ek, "usEngagement drives the US broker, which acts for all states: use target: all "
                        + "(for offers to particular states, use a usRewards effect)");
            }
            effects.add(new Shock.Effect(e.key(), driver, variable, Values.number(e.value(), ek, -10, 10)));
        }
        return new Shock(id, label, start, end, ramp, decay, target, targetStates, all, effects);
    }

    private static YamlNode require(YamlNode.Mapping m, String k, String key) {
        YamlNode n = m.get(k);
        if (n == null || isNull(n)) throw new BadInputException(m.origin(), key + "." + k, "missing (required)");
        return n;
    }

    // ---- observed record ---------------------------------------------------------------------

    private static List<Observation> bindObserved(YamlNode node, List<StateSpec> roster) {
        List<Observation> out = new ArrayList<>();
        if (node == null || isNull(node)) return out;
        if (!(node instanceof YamlNode.Sequence seq)) throw new BadInputException(node.origin(), "observed", "expected a list of observed events, found " + YamlNode.describe(node));
        Set<String> known = new LinkedHashSet<>();
        for (StateSpec s : roster) known.add(s.id());
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping m)) throw new BadInputException(item.origin(), "observed", "each observed event must be a mapping, found " + YamlNode.describe(item));
            checkKeys(m, "observed", OBSERVED_KEYS);
            String state = Values.text(require(m, "state", "observed"), "observed.state");
            if (!known.contains(state)) throw new BadInputException(m.get("state").origin(), "observed.state", "unknown state id '" + state + "'" + Suggest.hint(state, known));
            String kindText = Values.text(require(m, "kind", "observed"), "observed.kind");
            Observation.Kind kind = Observation.Kind.byKey(kindText);
            if (kind == null) throw new BadInputException(m.get("kind").origin(), "observed.kind", "expected join, freeze, thaw or symbolic, found '" + kindText + "'");
            YearMonth month = Values.month(require(m, "month", "observed"), "observed.month");
            String date = "";
            if (m.get("date") != null) {
                date = Values.text(m.get("date"), "observed.date");
                if (!date.matches("\\d{4}-\\d{2}(-\\d{2})?") || !date.startsWith(month.toString())) {
                    throw new BadInputException(m.get("date").origin(), "observed.date", "expected a day (YYYY-MM-DD) or month in " + month + ", found '" + date + "'");
                }
            }
            String note = m.get("note") == null ? "" : Values.text(m.get("note"), "observed.note");
            String source = m.get("source") == null ? "" : Values.text(m.get("source"), "observed.source");
            out.add(new Observation(state, kind, month, note, date, source));
        }
        checkObservedSequence(out, seq);
        return out;
    }

    /**
     * Per state, in month order: one join first, then freezes and thaws alternating; a symbolic
     * join (the Accords brand joined by a state that already has ties) only by an active member.
     */
    private static void checkObservedSequence(List<Observation> observed, YamlNode.Sequence seq) {
        java.util.Map<String, String> status = new java.util.HashMap<>();
        java.util.List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < observed.size(); i++) order.add(i);
        order.sort(java.util.Comparator.comparing((Integer i) -> observed.get(i).month()).thenComparing(i -> i));
        for (int i : order) {
            Observation o = observed.get(i);
            String now = status.getOrDefault(o.state(), "candidate");
            String problem = switch (o.kind()) {
                case JOIN -> now.equals("candidate") ? null : o.state() + " joins twice";
                case FREEZE -> now.equals("member") ? null : o.state() + " freezes in " + o.month() + " without being an active member";
                case THAW -> now.equals("frozen") ? null : o.state() + " thaws in " + o.month() + " without having frozen";
                case SYMBOLIC -> now.equals("member") ? null : o.state() + " joins symbolically in " + o.month() + " without being an active member";
            };
            if (problem != null) throw new BadInputException(seq.items().get(i).origin(), "observed", problem);
            if (o.changesStatus()) status.put(o.state(), o.kind() == Observation.Kind.FREEZE ? "frozen" : "member");
        }
    }

    // ---- resolved scenario -------------------------------------------------------------------

    private static Map<String, Object> resolvedTree(Map<String, Object> v, YamlNode.Mapping statesSection, List<StateSpec> states,
                                                    List<StateSpec> roster, List<Shock> shocks, List<Observation> observed) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Parameter p : Parameter.ALL) {
            if (p.path().equals("states.roster")) continue;
            Object value = v.get(p.path());
            if (value instanceof YearMonth ym) value = ym.toString();
            put(root, p.path(), value);
        }
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("roster", "roster.yaml");
        if (states.size() != roster.size()) {
            List<String> ids = new ArrayList<>();
            for (StateSpec s : states) ids.add(s.id());
            st.put("include", ids);
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        Map<String, StateSpec> original = new LinkedHashMap<>();
        for (StateSpec s : roster) original.put(s.id(), s);
        for (StateSpec s : states) {
            Map<String, Object> changed = new LinkedHashMap<>();
            for (String a : StateSpec.NUMERIC_ATTRIBUTES) {
                if (s.attribute(a) != original.get(s.id()).attribute(a)) changed.put(a, s.attribute(a));
            }
            if (!changed.isEmpty()) overrides.put(s.id(), changed);
        }
        if (!overrides.isEmpty()) st.put("overrides", overrides);
        root.put("states", st);
        List<Object> sh = new ArrayList<>();
        for (Shock s : shocks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("label", s.label());
            m.put("start", s.start().toString());
            m.put("end", s.end().toString());
            m.put("ramp", s.ramp());
            m.put("decay", s.decay());
            m.put("target", s.targetsAll() || s.target().startsWith("bloc:") ? s.target() : s.targetStates());
            Map<String, Object> eff = new LinkedHashMap<>();
            for (Shock.Effect e : s.effects()) eff.put(e.key(), e.amount());
            m.put("effects", eff);
            sh.add(m);
        }
        root.put("shocks", sh);
        List<Object> ob = new ArrayList<>();
        for (Observation o : observed) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state", o.state());
            m.put("kind", o.kind().key());
            m.put("month", o.month().toString());
            if (!o.date().isEmpty()) m.put("date", o.date());
            if (!o.note().isEmpty()) m.put("note", o.note());
            if (!o.source().isEmpty()) m.put("source", o.source());
            ob.add(m);
        }
        root.put("observed", ob);
        return root;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String path, Object value) {
        String[] keys = path.split("\\.");
        Map<String, Object> m = root;
        for (int i = 0; i < keys.length - 1; i++) m = (Map<String, Object>) m.computeIfAbsent(keys[i], k -> new LinkedHashMap<>());
        m.put(keys[keys.length - 1], value);
    }

    // ---- tree helpers ------------------------------------------------------------------------

    static void checkKeys(YamlNode.Mapping m, String section, List<String> allowed) {
        for (YamlNode.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                String path = section.isEmpty() ? e.key() : section + "." + e.key();
                throw new BadInputException(e.keyOrigin(), path, "unknown key" + Suggest.hint(e.key(), allowed)
                        + "; known here: " + String.join(", ", allowed));
            }
        }
    }

    private static YamlNode at(YamlNode.Mapping tree, String path) {
        YamlNode n = tree;
        for (String k : path.split("\\.")) {
            if (!(n instanceof YamlNode.Mapping m)) return null;
            n = m.get(k);
            if (n == null) return null;
        }
        return n;
    }

    private static Origin originOf(YamlNode.Mapping tree, String path) {
        YamlNode n = at(tree, path);
        return n == null ? tree.origin() : n.origin();
    }

    private static boolean isNull(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.isNull();
    }
}
