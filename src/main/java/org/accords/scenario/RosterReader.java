package org.accords.scenario;

import java.nio.file.Path;
import java.time.YearMonth;
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
            "publicOpposition", "regimeInsulation", "diversificationNeed", "usAlignment", "conditions", "standingAsk");
    static final List<String> CITED_KEYS = List.of("value", "source", "rule", "assumption");
    static final List<String> CONDITION_KEYS = List.of("variable", "from", "until", "source", "rule", "assumption");
    static final List<String> ASK_KEYS = List.of("from", "kind", "size", "source", "rule", "assumption");
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

    private StateSpec readState(YamlNode.Mapping m) {
        YamlNode idNode = m.get("id");
        if (idNode == null) throw new BadInputException(m.origin(), "states.id", "missing (required)");
        String id = Values.text(idNode, "states.id");
        if (!ISO3.matcher(id).matches()) throw new BadInputException(idNode.origin(), "states.id", "expected an ISO-3 code like SAU, found '" + id + "'");
        String key = "states." + id;
        ScenarioBinder.checkKeys(m, key, STATE_KEYS);
        for (String k : STATE_KEYS) {
            if (!k.equals("conditions") && !k.equals("standingAsk") && m.get(k) == null) throw new BadInputException(m.origin(), key + "." + k, "missing (required)");
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
        int k = 0;
        for (YamlNode.Mapping cm : entries(m, "conditions", key)) {
            String ck = key + ".conditions[" + k + "]";
            for (String level : List.of("atLeast", "atMost")) {
                if (cm.get(level) != null) throw new BadInputException(cm.get(level).origin(), ck + "." + level,
                        "a condition has no level of its own: the level and the cost are the global model.conditionLevel and model.conditionCost; give variable and from");
            }
            ScenarioBinder.checkKeys(cm, ck, CONDITION_KEYS);
            YamlNode varNode = require(cm, "variable", ck);
            String varName = Values.text(varNode, ck + ".variable");
            WorldVariable var = WorldVariable.byKey(varName);
            if (var == null) throw new BadInputException(varNode.origin(), ck + ".variable", "unknown world variable '" + varName + "'");
            if (var == WorldVariable.ACCORDS_PRESTIGE) throw new BadInputException(varNode.origin(), ck + ".variable",
                    "a condition must be on an exogenous world variable; accordsPrestige moves with the joins themselves");
            YearMonth from = Values.month(require(cm, "from", ck), ck + ".from");
            YearMonth until = cm.get("until") == null ? null : Values.month(cm.get("until"), ck + ".until");
            if (until != null && until.isBefore(from)) throw new BadInputException(cm.get("until").origin(), ck + ".until", "ends (" + until + ") before it starts (" + from + ")");
            sources.put("conditions[" + k + "]", sourced(cm, ck));
            conditions.add(new Condition(var, from, until));
            k++;
        }

        List<StandingAsk> asks = new ArrayList<>();
        if (m.get("standingAsk") == null) {
            asks.addAll(StandingAsk.NOT_CODED);
            sources.put("standingAsk", new Sourced(null, null, "not coded: a generic ask of size 1 at every date is assumed"));
        }
        k = 0;
        Set<YearMonth> askMonths = new LinkedHashSet<>();
        for (YamlNode.Mapping am : entries(m, "standingAsk", key)) {
            String ak = key + ".standingAsk[" + k + "]";
            ScenarioBinder.checkKeys(am, ak, ASK_KEYS);
            YamlNode fromNode = require(am, "from", ak);
            YearMonth from = Values.month(fromNode, ak + ".from");
            if (!askMonths.add(from)) throw new BadInputException(fromNode.origin(), ak + ".from", "two standing asks are dated " + from);
            YamlNode kindNode = require(am, "kind", ak);
            String kindText = Values.text(kindNode, ak + ".kind");
            StandingAsk.Kind kind = StandingAsk.Kind.byKey(kindText);
            if (kind == null) {
                List<String> kinds = java.util.Arrays.stream(StandingAsk.Kind.values()).map(StandingAsk.Kind::key).toList();
                throw new BadInputException(kindNode.origin(), ak + ".kind", "unknown kind '" + kindText + "'" + Suggest.hint(kindText, kinds) + "; kinds: " + String.join(", ", kinds));
            }
            double size = Values.number(require(am, "size", ak), ak + ".size", 0, 1);
            sources.put("standingAsk[" + k + "]", sourced(am, ak));
            asks.add(new StandingAsk(from, kind, size));
            k++;
        }
        return new StateSpec(id, name, blocs, priorYear, attrs[0], attrs[1], attrs[2], attrs[3], attrs[4], conditions, asks, sources);
    }

    /** The mappings of an optional list-valued key (absent or null: none). */
    private static List<YamlNode.Mapping> entries(YamlNode.Mapping state, String listKey, String key) {
        YamlNode n = state.get(listKey);
        List<YamlNode.Mapping> out = new ArrayList<>();
        if (n == null || (n instanceof YamlNode.Scalar s && s.isNull())) return out;
        if (!(n instanceof YamlNode.Sequence seq)) throw new BadInputException(n.origin(), key + "." + listKey, "expected a list, found " + YamlNode.describe(n));
        int k = 0;
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping im)) throw new BadInputException(item.origin(), key + "." + listKey + "[" + k + "]", "expected a mapping, found " + YamlNode.describe(item));
            out.add(im);
            k++;
        }
        return out;
    }

    private static YamlNode require(YamlNode.Mapping m, String k, String key) {
        YamlNode n = m.get(k);
        if (n == null || (n instanceof YamlNode.Scalar s && s.isNull())) throw new BadInputException(m.origin(), key + "." + k, "missing (required)");
        return n;
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
