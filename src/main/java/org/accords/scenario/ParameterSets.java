package org.accords.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parameter ensemble: K sets of global parameter values that history did not rule out, as
 * written by {@code accords calibrate --ensemble} ({@code scenarios/_ensemble.yaml}). A run spreads
 * its replications over the sets (replication r uses set r mod K), so its bands carry parameter
 * uncertainty as well as chance.
 *
 * @param fingerprint first 16 hex digits of the file's SHA-256, to tell ensembles apart in manifests
 * @param keys        the scenario keys every set gives, in file order
 */
public record ParameterSets(Path file, String command, String fingerprint, List<String> keys, List<Member> sets) {

    /** One parameter set, with its implausibility summary from the history match. */
    public record Member(int id, Map<String, Double> values, double implausibility, Origin origin) {}

    public ParameterSets {
        keys = List.copyOf(keys);
        sets = List.copyOf(sets);
    }

    public int size() { return sets.size(); }

    /**
     * The last month of the record the sets were matched to: the {@code --until} of the command that
     * wrote the file (calibrate always records it), or null if the command does not say.
     */
    public java.time.YearMonth fittedThrough() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--until (\\d{4}-\\d{2})(\\s|$)").matcher(command);
        if (!m.find()) return null;
        try {
            return java.time.YearMonth.parse(m.group(1));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** True if the YAML file is an ensemble (has a top-level {@code sets:} list), not a plain parameter fragment. */
    public static boolean isEnsembleFile(Path file) {
        return new YamlReader().readFile(file).get("sets") != null;
    }

    /** Reads and checks an ensemble file; every error names the file, line and key. */
    public static ParameterSets read(Path file) {
        YamlNode.Mapping root = new YamlReader().readFile(file);
        for (String k : root.entries().keySet()) {
            if (!List.of("command", "method", "targets", "sets").contains(k)) {
                throw new BadInputException(root.keyOrigin(k), k, "unknown key in a parameter ensemble; known: command, method, targets, sets");
            }
        }
        String command = root.get("command") instanceof YamlNode.Scalar s && !s.isNull() ? s.text() : "";
        if (!(root.get("sets") instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
            throw new BadInputException(root.keyOrigin("sets"), "sets", "expected a non-empty list of parameter sets");
        }
        List<Member> members = new ArrayList<>();
        List<String> keys = null;
        for (int i = 0; i < seq.items().size(); i++) {
            String where = "sets[" + i + "]";
            if (!(seq.items().get(i) instanceof YamlNode.Mapping m)) {
                throw new BadInputException(seq.items().get(i).origin(), where, "expected a mapping with id, implausibility and values");
            }
            for (String k : m.entries().keySet()) {
                if (!List.of("id", "wave", "implausibility", "maxImplausibility", "values").contains(k)) {
                    throw new BadInputException(m.keyOrigin(k), where + "." + k, "unknown key; known: id, wave, implausibility, maxImplausibility, values");
                }
            }
            int id = (int) Values.integer(required(m, "id", where), where + ".id", 1, Integer.MAX_VALUE);
            double implausibility = m.get("implausibility") == null ? Double.NaN
                    : Values.number(m.get("implausibility"), where + ".implausibility", 0, Double.MAX_VALUE);
            YamlNode valuesNode = required(m, "values", where);
            if (valuesNode instanceof YamlNode.Mapping empty && empty.entries().isEmpty() || valuesNode instanceof YamlNode.Scalar sc && sc.isNull()) {
                valuesNode = new YamlNode.Mapping(Map.of(), valuesNode.origin()); // every key held by the run that wrote it
            }
            if (!(valuesNode instanceof YamlNode.Mapping v)) {
                throw new BadInputException(m.keyOrigin("values"), where + ".values", "expected a mapping of scenario keys to numbers");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (YamlNode.Entry e : v.entries().values()) {
                Parameter p = Parameter.byPath(e.key());
                if (p == null || p.type() != Parameter.Type.NUMBER || !(e.key().startsWith("model.") || e.key().startsWith("us."))) {
                    throw new BadInputException(e.keyOrigin(), where + ".values." + e.key(), "not a global model or broker parameter (see scenarios/REFERENCE.md)");
                }
                values.put(e.key(), Values.number(e.value(), e.key(), p.min(), p.max()));
            }
            if (keys == null) keys = List.copyOf(values.keySet());
            else if (!keys.equals(List.copyOf(values.keySet()))) {
                throw new BadInputException(m.keyOrigin("values"), where + ".values", "every set must give the same keys in the same order as the first: " + keys);
            }
            members.add(new Member(id, values, implausibility, m.origin()));
        }
        return new ParameterSets(file.toAbsolutePath().normalize(), command, fingerprint(file), keys, members);
    }

    private static YamlNode required(YamlNode.Mapping m, String key, String where) {
        YamlNode n = m.get(key);
        if (n == null) throw new BadInputException(m.origin(), where + "." + key, "missing");
        return n;
    }

    private static String fingerprint(Path file) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) hex.append(String.format("%02x", hash[i]));
            return hex.toString();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new BadInputException(new Origin(file.toString(), 0), null, "cannot read file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The scenario under set {@code j}: every key of the set replaces the scenario's value, except
     * the {@code held} keys, which the scenario or the command line set on purpose and which stay
     * as given in every set.
     */
    public Scenario apply(Scenario base, int j, Set<String> held) {
        Member m = sets.get(j);
        Map<String, Double> v = new LinkedHashMap<>();
        for (var e : m.values().entrySet()) if (!held.contains(e.getKey())) v.put(e.getKey(), e.getValue());
        Scenario sc = withValues(base, v);
        if (sc.model().exitThreshold() >= sc.model().joinThreshold()) {
            throw new BadInputException(m.origin(), "sets[" + j + "]", "model.exitThreshold (" + sc.model().exitThreshold()
                    + ") must be below model.joinThreshold (" + sc.model().joinThreshold() + ") in every set");
        }
        return sc;
    }

    /** Applies every set to the scenario once, so that a set it cannot take is refused before anything runs. */
    public void check(Scenario base, Set<String> held) {
        for (int j = 0; j < sets.size(); j++) apply(base, j, held);
    }

    /** The scenario with some global model and broker parameters replaced (keys as in scenario files). */
    public static Scenario withValues(Scenario base, Map<String, Double> values) {
        ModelParameters m = base.model();
        Weights w = m.weights();
        BrokerParameters b = base.us();
        Map<String, Double> x = new LinkedHashMap<>();
        x.put("model.weights.iranThreat", w.iranThreat());
        x.put("model.weights.palestinianPressure", w.palestinianPressure());
        x.put("model.weights.economicDiversification", w.economicDiversification());
        x.put("model.weights.usRewards", w.usRewards());
        x.put("model.weights.peerInfluence", w.peerInfluence());
        x.put("model.joinThreshold", m.joinThreshold());
        x.put("model.exitThreshold", m.exitThreshold());
        x.put("model.temperature", m.temperature());
        x.put("model.maxHazard", m.maxHazard());
        x.put("model.joinCost", m.joinCost());
        x.put("model.symbolicJoinCost", m.symbolicJoinCost());
        x.put("model.insulationDamping", m.insulationDamping());
        x.put("model.gazaAmplification", m.gazaAmplification());
        x.put("model.statehoodRelief", m.statehoodRelief());
        x.put("model.blocPeerShare", m.blocPeerShare());
        x.put("model.prestigeGain", m.prestigeGain());
        x.put("model.prestigeDilution", m.prestigeDilution());
        x.put("model.conditionCost", m.conditionCost());
        x.put("model.conditionLevel", m.conditionLevel());
        x.put("us.offerRate", b.offerRate());
        x.put("us.offerSize", b.offerSize());
        x.put("us.offerDecay", b.offerDecay());
        x.put("us.askShare", b.askShare());
        for (var e : values.entrySet()) {
            if (!x.containsKey(e.getKey())) throw new IllegalArgumentException("not a global numeric parameter: " + e.getKey());
            x.put(e.getKey(), e.getValue());
        }
        Weights weights = new Weights(x.get("model.weights.iranThreat"), x.get("model.weights.palestinianPressure"),
                x.get("model.weights.economicDiversification"), x.get("model.weights.usRewards"), x.get("model.weights.peerInfluence"));
        ModelParameters model = new ModelParameters(weights, x.get("model.joinThreshold"), x.get("model.exitThreshold"),
                x.get("model.temperature"), x.get("model.maxHazard"), x.get("model.joinCost"), x.get("model.symbolicJoinCost"),
                x.get("model.insulationDamping"), x.get("model.gazaAmplification"), x.get("model.statehoodRelief"),
                x.get("model.blocPeerShare"), x.get("model.prestigeGain"), x.get("model.prestigeDilution"),
                x.get("model.conditionCost"), x.get("model.conditionLevel"));
        BrokerParameters us = new BrokerParameters(x.get("us.offerRate"), x.get("us.offerSize"), x.get("us.offerDecay"), x.get("us.askShare"), b.capacity());
        return new Scenario(base.name(), base.title(), base.description(), base.run(), model, us, base.world(), base.states(), base.shocks(),
                base.observed(), base.rosterFile(), base.resolved());
    }
}
