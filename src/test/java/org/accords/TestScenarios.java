package org.accords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;

/**
 * Writes small test scenarios and rosters into a temporary folder. Every model parameter a test
 * relies on is set explicitly here (never the code's defaults, which get recalibrated).
 */
public final class TestScenarios {
    private TestScenarios() {}

    /** One roster state; every attribute carries an assumption note, as the roster reader requires. */
    public static final class State {
        final String id;
        String name;
        List<String> blocs = new ArrayList<>(List.of("X"));
        String prior = "none";
        String priorFrom = null;
        double iranExposure = 0.5, publicOpposition = 0.5, regimeInsulation = 0.5, diversificationNeed = 0.5, usAlignment = 0.5;
        final List<String> conditions = new ArrayList<>();
        /** Standing-ask entries as YAML flow mappings; null: the key is left out (not coded). */
        List<String> asks = null;

        State(String id) {
            this.id = id;
            this.name = "State " + id;
        }

        public State name(String n) { name = n; return this; }
        public State blocs(String... b) { blocs = List.of(b); return this; }
        public State prior(int year) { prior = String.valueOf(year); return this; }
        /** Relations dated from {@code month} (YYYY-MM; none before, from 1990-01): how the roster dates a join. */
        public State priorFrom(String month, int year) { priorFrom = month; prior = String.valueOf(year); return this; }
        public State iranExposure(double v) { iranExposure = v; return this; }
        public State publicOpposition(double v) { publicOpposition = v; return this; }
        public State regimeInsulation(double v) { regimeInsulation = v; return this; }
        public State diversificationNeed(double v) { diversificationNeed = v; return this; }
        public State usAlignment(double v) { usAlignment = v; return this; }
        /** All five numeric attributes at once. */
        public State attrs(double exposure, double opposition, double insulation, double diversification, double alignment) {
            iranExposure = exposure; publicOpposition = opposition; regimeInsulation = insulation;
            diversificationNeed = diversification; usAlignment = alignment;
            return this;
        }
        /** A stated condition on a world variable, in force from {@code from} (YYYY-MM). */
        public State condition(String variable, String from) {
            conditions.add("{variable: " + variable + ", from: " + from + ", assumption: test}");
            return this;
        }
        /** A stated condition in force from {@code from} to {@code until} (inclusive). */
        public State condition(String variable, String from, String until) {
            conditions.add("{variable: " + variable + ", from: " + from + ", until: " + until + ", assumption: test}");
            return this;
        }
        /** A standing-ask entry; the first call makes the state's asks coded (no generic ask). */
        public State ask(String from, String kind, double size) {
            if (asks == null) asks = new ArrayList<>();
            asks.add("{from: " + from + ", kind: " + kind + ", size: " + size + ", assumption: test}");
            return this;
        }
        /** Coded as asking for nothing at any date. */
        public State noAsk() {
            asks = new ArrayList<>();
            return this;
        }

        String yaml() {
            StringBuilder s = new StringBuilder();
            s.append("  - id: ").append(id).append('\n');
            s.append("    name: ").append(name).append('\n');
            s.append("    blocs: {value: [").append(String.join(", ", blocs)).append("], assumption: test}\n");
            if (priorFrom == null) s.append("    priorRelations: {value: ").append(prior).append(", assumption: test}\n");
            else s.append("    priorRelations: {source: test, rule: test, series: [{month: 1990-01, value: none}, {month: ")
                    .append(priorFrom).append(", value: ").append(prior).append("}]}\n");
            s.append("    iranExposure: {value: ").append(iranExposure).append(", source: test, rule: test}\n");
            s.append("    publicOpposition: {value: ").append(publicOpposition).append(", assumption: test}\n");
            s.append("    regimeInsulation: {value: ").append(regimeInsulation).append(", assumption: test}\n");
            s.append("    diversificationNeed: {value: ").append(diversificationNeed).append(", assumption: test}\n");
            s.append("    usAlignment: {value: ").append(usAlignment).append(", assumption: test}\n");
            s.append("    conditions: [").append(String.join(", ", conditions)).append("]\n");
            if (asks != null) s.append("    standingAsk: [").append(String.join(", ", asks)).append("]\n");
            return s.toString();
        }
    }

    public static State state(String id) { return new State(id); }

    public static String rosterYaml(List<State> states) {
        StringBuilder s = new StringBuilder("states:\n");
        for (State st : states) s.append(st.yaml());
        return s.toString();
    }

    /** A scenario file built from dotted keys; every model, broker and world parameter is preset to a test value. */
    public static final class Spec {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final List<String> shocks = new ArrayList<>();
        private final List<State> roster = new ArrayList<>();
        private String extra = "";

        Spec() {
            set("name", "t");
            set("title", "test scenario");
            set("run.start", "2020-01");
            set("run.end", "2020-12");
            set("run.replications", "20");
            set("run.seed", "1");
            for (String w : List.of("iranThreat", "palestinianPressure", "economicDiversification", "usRewards", "peerInfluence")) {
                set("model.weights." + w, "1.0");
            }
            set("model.joinThreshold", "1.0");
            set("model.exitThreshold", "-1.0");
            set("model.temperature", "0.5");
            set("model.maxHazard", "0.5");
            set("model.joinCost", "0.5");
            set("model.symbolicJoinCost", "0.2");
            set("model.insulationDamping", "0.5");
            set("model.gazaAmplification", "1.0");
            set("model.statehoodRelief", "0.5");
            set("model.blocPeerShare", "0.5");
            set("model.prestigeGain", "0.1");
            set("model.prestigeDilution", "0.1");
            set("model.conditionCost", "1.0");
            set("model.conditionLevel", "0.5");
            set("us.offerRate", "0.0");
            set("us.offerSize", "0.5");
            set("us.offerDecay", "0.5");
            set("us.askShare", "0.0");
            set("us.capacity", "1");
            set("world.iranAggression", "0.5");
            set("world.gazaConflict", "0.2");
            set("world.statehoodPath", "0.1");
            set("world.usEngagement", "0.5");
            set("world.israelThreat", "0.0");
            set("world.accordsPrestige", "0.5");
            set("states.roster", "roster.yaml");
        }

        /** Sets a dotted key to a YAML value (written as is). */
        public Spec set(String path, Object yamlValue) {
            values.put(path, String.valueOf(yamlValue));
            return this;
        }

        public Spec unset(String path) {
            values.remove(path);
            return this;
        }

        /** Adds a shock written as a YAML flow mapping, e.g. {@code {id: s, start: 2020-03, effects: {iranThreat: 1}}}. */
        public Spec shock(String flowMapping) {
            shocks.add(flowMapping);
            return this;
        }

        public Spec states(State... states) {
            roster.addAll(List.of(states));
            return this;
        }

        /** Raw YAML appended at the end (e.g. an {@code observed:} list). */
        public Spec extra(String yaml) {
            extra += yaml;
            return this;
        }

        public String yaml() {
            Map<String, Object> tree = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : values.entrySet()) put(tree, e.getKey(), e.getValue());
            StringBuilder out = new StringBuilder();
            render(tree, 0, out);
            if (!shocks.isEmpty()) {
                out.append("shocks:\n");
                for (String s : shocks) out.append("  - ").append(s).append('\n');
            }
            out.append(extra);
            return out.toString();
        }

        /** Writes {@code scenario.yaml} (or {@code fileName}) and {@code roster.yaml} into {@code dir}; returns the scenario file. */
        public Path write(Path dir, String fileName) {
            try {
                Files.createDirectories(dir);
                if (!roster.isEmpty()) Files.writeString(dir.resolve("roster.yaml"), rosterYaml(roster));
                Path file = dir.resolve(fileName);
                Files.writeString(file, yaml());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Path write(Path dir) { return write(dir, "scenario.yaml"); }

        /** Writes and loads (the folder is also the preset folder). */
        public Scenario load(Path dir, String... overrides) {
            Path file = write(dir);
            return new ScenarioLoader(dir).load(file.toString(), List.of(overrides));
        }

        @SuppressWarnings("unchecked")
        private static void put(Map<String, Object> tree, String path, String value) {
            String[] keys = path.split("\\.");
            Map<String, Object> m = tree;
            for (int i = 0; i < keys.length - 1; i++) m = (Map<String, Object>) m.computeIfAbsent(keys[i], k -> new LinkedHashMap<>());
            m.put(keys[keys.length - 1], value);
        }

        @SuppressWarnings("unchecked")
        private static void render(Map<String, Object> m, int indent, StringBuilder out) {
            for (Map.Entry<String, Object> e : m.entrySet()) {
                out.append("  ".repeat(indent)).append(e.getKey()).append(':');
                if (e.getValue() instanceof Map<?, ?> sub) {
                    out.append('\n');
                    render((Map<String, Object>) sub, indent + 1, out);
                } else {
                    out.append(' ').append(e.getValue()).append('\n');
                }
            }
        }
    }

    /** A scenario with every parameter set to a test value and the given roster states. */
    public static Spec scenario(State... states) {
        return new Spec().states(states);
    }

    /** Three plain states: AAA and BBB in bloc X, CCC in bloc Y. */
    public static Spec threeStates() {
        return scenario(state("AAA").blocs("X"), state("BBB").blocs("X"), state("CCC").blocs("Y"));
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
