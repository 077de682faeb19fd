package org.accords.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the state roster ({@code scenarios/roster.yaml}). Every attribute is a mapping with its
 * {@code value} and either a {@code source} and the {@code rule} that turned the source figure
 * into the value, or an {@code assumption} note; a value without one is refused.
 */
public final class RosterReader {
    static final List<String> TOP_KEYS = List.of("rules", "sources", "states");
    static final List<String> STATE_KEYS = List.of("id", "name", "blocs", "priorRelations", "iranExposure",
            "publicOpposition", "regimeInsulation", "diversificationNeed", "usAlignment", "conditions");
    static final List<String> CITED_KEYS = List.of("value", "source", "rule", "assumption");
    static final List<String> CONDITION_KEYS = List.of("variable", "atLeast", "atMost", "source", "rule", "assumption");
    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");

    private final YamlReader reader;

    public RosterReader(YamlReader reader) { this.reader = reader; }

    public List<StateSpec> read(Path file) {
        YamlNode.Mapping root = reader.readFile(file);
        ScenarioBinder.checkKeys(root, "", TOP_KEYS);
        YamlNode statesNode = root.get("states");
        if (!(statesNode instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
            throw new BadInputException(statesNode == null ? root.origin() : statesNode.origin(), "states", "the roster needs a non-empty list of states");
        }
        List<StateSpec> states = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping m)) throw new BadInputException(item.origin(), "states", "each state must be a mapping, found " + YamlNode.describe(item));
            StateSpec s = readState(m);
            if (!ids.add(s.id())) throw new BadInputException(m.get("id").origin(), "states." + s.id(), "the state id appears twice");
            states.add(s);
        }
        return states;
    }

    /** One state in roster form (also a scenario's {@code states.add} entries): same keys, same sourcing rules. */
    StateSpec readState(YamlNode.Mapping m) {
        YamlNode idNode = m.get("id");
        if (idNode == null) throw new BadInputException(m.origin(), "states.id", "missing (required)");
        String id = Values.text(idNode, "states.id");
        if (!ISO3.matcher(id).matches()) throw new BadInputException(idNode.origin(), "states.id", "expected an ISO-3 code like SAU, found '" + id + "'");
        String key = "states." + id;
        ScenarioBinder.checkKeys(m, key, STATE_KEYS);
        for (String k : STATE_KEYS) {
            if (!k.equals("conditions") && m.get(k) == null) throw new BadInputException(m.origin(), key + "." + k, "missing (required)");
        }
        String name = Values.text(m.get("name"), key + ".name");
        Map<String, Sourced> sources = new LinkedHashMap<>();

        YamlNode.Mapping blocsNode = cited(m, "blocs", key, sources);
        YamlNode blocValue = blocsNode.get("value");
        if (!(blocValue instanceof YamlNode.Sequence bs)) throw new BadInputException(blocValue.origin(), key + ".blocs.value", "expected a list of bloc names, found " + YamlNode.describe(blocValue));
        List<String> blocs = new ArrayList<>();
        for (YamlNode b : bs.items()) blocs.add(Values.text(b, key + ".blocs.value"));

        YamlNode.Mapping prior = cited(m, "priorRelations", key, sources);
        YamlNode pv = prior.get("value");
        Integer priorYear = null;
        if (!(pv instanceof YamlNode.Scalar ps && (ps.isNull() || ps.text().equals("none")))) {
            priorYear = (int) Values.integer(pv, key + ".priorRelations.value", 1948, 2100);
        }

        double[] attrs = new double[StateSpec.NUMERIC_ATTRIBUTES.size()];
        for (int i = 0; i < attrs.length; i++) {
            String a = StateSpec.NUMERIC_ATTRIBUTES.get(i);
            attrs[i] = Values.number(cited(m, a, key, sources).get("value"), key + "." + a + ".value", 0, 1);
        }

        List<Condition> conditions = new ArrayList<>();
        YamlNode cn = m.get("conditions");
        if (cn != null && !(cn instanceof YamlNode.Scalar s && s.isNull())) {
            if (!(cn instanceof YamlNode.Sequence cs)) throw new BadInputException(cn.origin(), key + ".conditions", "expected a list, found " + YamlNode.describe(cn));
            int k = 0;
            for (YamlNode c : cs.items()) {
                String ck = key + ".conditions[" + k + "]";
                if (!(c instanceof YamlNode.Mapping cm)) throw new BadInputException(c.origin(), ck, "expected a mapping, found " + YamlNode.describe(c));
                ScenarioBinder.checkKeys(cm, ck, CONDITION_KEYS);
                String varName = Values.text(cm.get("variable") == null ? cm : cm.get("variable"), ck + ".variable");
                WorldVariable var = WorldVariable.byKey(varName);
                if (var == null) throw new BadInputException(cm.get("variable").origin(), ck + ".variable", "unknown world variable '" + varName + "'");
                boolean atLeast = cm.get("atLeast") != null;
                if (atLeast == (cm.get("atMost") != null)) throw new BadInputException(cm.origin(), ck, "give exactly one of atLeast or atMost");
                double level = Values.number(cm.get(atLeast ? "atLeast" : "atMost"), ck + (atLeast ? ".atLeast" : ".atMost"), 0, 1);
                Sourced src = sourced(cm, ck);
                sources.put("conditions[" + k + "]", src);
                conditions.add(new Condition(var, atLeast, level));
                k++;
            }
        }
        return new StateSpec(id, name, blocs, priorYear, attrs[0], attrs[1], attrs[2], attrs[3], attrs[4], conditions, sources);
    }

    private static YamlNode.Mapping cited(YamlNode.Mapping state, String attribute, String key, Map<String, Sourced> sources) {
        YamlNode n = state.get(attribute);
        String k = key + "." + attribute;
        if (!(n instanceof YamlNode.Mapping m)) {
            throw new BadInputException(n.origin(), k, "expected {value: ..., source: ..., rule: ...} or {value: ..., assumption: ...}, found " + YamlNode.describe(n));
        }
        ScenarioBinder.checkKeys(m, k, CITED_KEYS);
        if (m.get("value") == null) throw new BadInputException(m.origin(), k + ".value", "missing (required)");
        sources.put(attribute, sourced(m, k));
        return m;
    }

    private static Sourced sourced(YamlNode.Mapping m, String key) {
        String source = m.get("source") == null ? null : Values.text(m.get("source"), key + ".source");
        String rule = m.get("rule") == null ? null : Values.text(m.get("rule"), key + ".rule");
        String assumption = m.get("assumption") == null ? null : Values.text(m.get("assumption"), key + ".assumption");
        Sourced s = new Sourced(source, rule, assumption);
        if (!s.isCited()) {
            throw new BadInputException(m.origin(), key, "every roster value needs a source and a rule, or an assumption note");
        }
        return s;
    }
}
