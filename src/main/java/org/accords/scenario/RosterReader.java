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
 *
 * <p>The numeric attributes and priorRelations may instead be dated series (data vintages):
 * {@code {source, rule, series: [{year: 1995, value: 0.8}, {month: 2020-11, value: 0.5, source: ...}],
 * before: {value: 0.88, assumption: ...}}}, or the series as a mapping of dates to values
 * ({@code series: {1995: 0.8, 2020-11: 0.5}}). A year's measurement is dated December of that year
 * (it describes the year, known once it is over); a month's, that month. A single value may be
 * dated with {@code year} or {@code month}. See {@link AttributeSeries} for how a month's value is chosen.
 */
public final class RosterReader {
    static final List<String> TOP_KEYS = List.of("rules", "sources", "states");
    static final List<String> STATE_KEYS = List.of("id", "name", "blocs", "priorRelations", "iranExposure",
            "publicOpposition", "regimeInsulation", "diversificationNeed", "usAlignment", "conditions");
    static final List<String> CITED_KEYS = List.of("value", "source", "rule", "assumption");
    static final List<String> DATED_KEYS = List.of("value", "source", "rule", "assumption", "year", "month", "series", "before");
    static final List<String> POINT_KEYS = List.of("year", "month", "value", "source", "rule", "assumption");
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

    private StateSpec readState(YamlNode.Mapping m) {
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

        Map<String, AttributeSeries> series = new LinkedHashMap<>();
        AttributeSeries prior = dated(m, "priorRelations", key, sources, RosterReader::priorYear);
        series.put("priorRelations", prior);
        Integer priorYear = Double.isNaN(prior.latest()) ? null : (int) prior.latest();

        double[] attrs = new double[StateSpec.NUMERIC_ATTRIBUTES.size()];
        for (int i = 0; i < attrs.length; i++) {
            String a = StateSpec.NUMERIC_ATTRIBUTES.get(i);
            AttributeSeries sr = dated(m, a, key, sources, (n, k) -> Values.number(n, k, 0, 1));
            series.put(a, sr);
            attrs[i] = sr.latest();
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
        return new StateSpec(id, name, blocs, priorYear, attrs[0], attrs[1], attrs[2], attrs[3], attrs[4], conditions, sources, series);
    }

    /** priorRelations: a year, or none (NaN). */
    private static double priorYear(YamlNode n, String key) {
        if (n instanceof YamlNode.Scalar ps && (ps.isNull() || ps.text().equals("none"))) return Double.NaN;
        return Values.integer(n, key, 1948, 2100);
    }

    /**
     * A dated attribute: a single value ({@code value}, optionally dated by {@code year} or
     * {@code month}) or a {@code series} with an optional {@code before}; every point cited, by
     * its own source and rule (or assumption) or by the attribute's.
     */
    private static AttributeSeries dated(YamlNode.Mapping state, String attribute, String key, Map<String, Sourced> sources,
                                         java.util.function.BiFunction<YamlNode, String, Double> parse) {
        YamlNode n = state.get(attribute);
        String k = key + "." + attribute;
        if (!(n instanceof YamlNode.Mapping m)) {
            throw new BadInputException(n.origin(), k, "expected {value: ..., source: ..., rule: ...}, {value: ..., assumption: ...} or {series: ..., source: ..., rule: ...}, found " + YamlNode.describe(n));
        }
        ScenarioBinder.checkKeys(m, k, DATED_KEYS);
        YamlNode seriesNode = m.get("series");
        if (seriesNode == null) {
            if (m.get("value") == null) throw new BadInputException(m.origin(), k + ".value", "missing (required)");
            if (m.get("before") != null) throw new BadInputException(m.get("before").origin(), k + ".before", "only a series has a value before its first measurement");
            Sourced src = sourced(m, k);
            sources.put(attribute, src);
            double value = parse.apply(m.get("value"), k + ".value");
            YearMonth date = date(m, k);
            return date == null ? AttributeSeries.undated(value, src)
                    : AttributeSeries.of(List.of(new AttributeSeries.Point(date, value, src)), null);
        }
        if (m.get("value") != null) throw new BadInputException(m.get("value").origin(), k + ".value", "give either value or series, not both");
        for (String d : List.of("year", "month")) {
            if (m.get(d) != null) throw new BadInputException(m.get(d).origin(), k + "." + d, "a series dates each of its points, not the whole");
        }
        Sourced common = new Sourced(text(m, "source", k), text(m, "rule", k), text(m, "assumption", k));
        List<AttributeSeries.Point> points = new ArrayList<>();
        if (seriesNode instanceof YamlNode.Mapping sm) {
            if (!common.isCited()) throw new BadInputException(m.origin(), k, "a series given as date: value needs the attribute's source and rule (or assumption)");
            for (YamlNode.Entry e : sm.entries().values()) {
                String pk = k + ".series." + e.key();
                points.add(new AttributeSeries.Point(dateKey(e.key(), e.keyOrigin(), pk), parse.apply(e.value(), pk), common));
            }
        } else if (seriesNode instanceof YamlNode.Sequence seq) {
            int i = 0;
            for (YamlNode item : seq.items()) {
                String pk = k + ".series[" + i++ + "]";
                if (!(item instanceof YamlNode.Mapping pm)) throw new BadInputException(item.origin(), pk, "expected {year or month, value, ...}, found " + YamlNode.describe(item));
                ScenarioBinder.checkKeys(pm, pk, POINT_KEYS);
                YearMonth date = date(pm, pk);
                if (date == null) throw new BadInputException(pm.origin(), pk, "a measurement needs its year or month");
                if (pm.get("value") == null) throw new BadInputException(pm.origin(), pk + ".value", "missing (required)");
                boolean own = pm.get("source") != null || pm.get("rule") != null || pm.get("assumption") != null;
                Sourced src = own ? new Sourced(text(pm, "source", pk), text(pm, "rule", pk) != null ? text(pm, "rule", pk) : common.rule(),
                        text(pm, "assumption", pk)) : common;
                if (!src.isCited()) throw new BadInputException(pm.origin(), pk, "every measurement needs a source and a rule, or an assumption note (its own or the attribute's)");
                points.add(new AttributeSeries.Point(date, parse.apply(pm.get("value"), pk + ".value"), src));
            }
        } else {
            throw new BadInputException(seriesNode.origin(), k + ".series", "expected a list of measurements or a mapping of dates to values, found " + YamlNode.describe(seriesNode));
        }
        for (int i = 1; i < points.size(); i++) {
            if (!points.get(i).date().isAfter(points.get(i - 1).date())) {
                throw new BadInputException(seriesNode.origin(), k + ".series", "dates must increase: " + points.get(i).date() + " follows " + points.get(i - 1).date());
            }
        }
        AttributeSeries.Point before = null;
        YamlNode bn = m.get("before");
        if (bn != null) {
            String bk = k + ".before";
            if (!(bn instanceof YamlNode.Mapping bm)) throw new BadInputException(bn.origin(), bk, "expected {value: ..., assumption: ...}, found " + YamlNode.describe(bn));
            ScenarioBinder.checkKeys(bm, bk, List.of("value", "assumption"));
            String why = text(bm, "assumption", bk);
            if (why == null || why.isBlank()) throw new BadInputException(bm.origin(), bk + ".assumption", "a value before the first measurement is an assumption: give its reason");
            if (bm.get("value") == null) throw new BadInputException(bm.origin(), bk + ".value", "missing (required)");
            before = new AttributeSeries.Point(null, parse.apply(bm.get("value"), bk + ".value"), new Sourced(null, null, why));
        }
        if (points.isEmpty() && before == null) throw new BadInputException(seriesNode.origin(), k + ".series", "a series needs at least one measurement (or a before value)");
        sources.put(attribute, common.isCited() ? common : points.isEmpty() ? before.source() : points.get(0).source());
        return AttributeSeries.of(points, before);
    }

    /** {@code year: Y} (dated December of Y: known once the year is over) or {@code month: YYYY-MM}; null if neither. */
    private static YearMonth date(YamlNode.Mapping m, String key) {
        YamlNode y = m.get("year"), mo = m.get("month");
        if (y != null && mo != null) throw new BadInputException(mo.origin(), key + ".month", "give year or month, not both");
        if (y != null) return YearMonth.of((int) Values.integer(y, key + ".year", 1900, 2100), 12);
        if (mo != null) return Values.month(mo, key + ".month");
        return null;
    }

    private static YearMonth dateKey(String text, Origin origin, String key) {
        if (text.matches("\\d{4}")) {
            int y = Integer.parseInt(text);
            if (y >= 1900 && y <= 2100) return YearMonth.of(y, 12);
        }
        if (text.matches("\\d{4}-\\d{2}")) {
            try {
                return YearMonth.parse(text);
            } catch (java.time.DateTimeException e) {
                // fall through to the error
            }
        }
        throw new BadInputException(origin, key, "expected a year (YYYY) or a month (YYYY-MM) as the date, found '" + text + "'");
    }

    private static String text(YamlNode.Mapping m, String k, String key) {
        return m.get(k) == null ? null : Values.text(m.get(k), key + "." + k);
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
