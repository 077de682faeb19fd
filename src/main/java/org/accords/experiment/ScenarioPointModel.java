package org.accords.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioTemplate;
import org.accords.scenario.YamlNode;

/**
 * One experiment point = the base scenario with the factors' values set on its in-memory tree
 * (as --set would; no file read or parsed), bound and validated, then run as an ensemble.
 * Replication k of every point has the same seed (common random numbers), so differences between
 * points come from the factors, not from the dice.
 */
public final class ScenarioPointModel implements PointModel {
    private final ScenarioTemplate template;
    private final Map<String, YamlNode.Scalar> set;
    private final List<Factor> factors;
    private final List<Outcome> outcomes;
    private final int replications;
    private final long seed;
    private final int threads;

    public ScenarioPointModel(ExperimentReader.Loaded loaded, int replications, long seed, int threads) {
        this(loaded.template(), loaded.set(), loaded.spec().factors(), loaded.spec().outcomes(), replications, seed, threads);
    }

    /** @param set fixed values applied to every point before the factors */
    public ScenarioPointModel(ScenarioTemplate template, Map<String, YamlNode.Scalar> set, List<Factor> factors, List<Outcome> outcomes,
                              int replications, long seed, int threads) {
        this.template = template;
        this.set = set;
        this.factors = factors;
        this.outcomes = outcomes;
        this.replications = replications;
        this.seed = seed;
        this.threads = threads;
    }

    @Override
    public List<String> outcomeNames() {
        return outcomes.stream().map(Outcome::name).toList();
    }

    /**
     * The scenario of a point. Every value carries its factor's line, so a combination the
     * scenario refuses (an exit threshold above the join threshold) is reported there.
     */
    public Scenario scenario(double[] unit) {
        Map<String, YamlNode.Scalar> values = new LinkedHashMap<>(set);
        for (int j = 0; j < factors.size(); j++) {
            Factor f = factors.get(j);
            String text = f.text(unit[j]);
            for (String k : f.keys()) values.put(k, new YamlNode.Scalar(text, f.origin()));
        }
        return template.bind(values);
    }

    @Override
    public Outcome.Value[] evaluate(int point, double[] unit, AtomicBoolean cancel) {
        Scenario sc = scenario(unit);
        EnsembleResult r = new Ensemble(sc).runWithoutTrace(replications, seed, threads, cancel);
        Outcome.Value[] out = new Outcome.Value[outcomes.size()];
        for (int i = 0; i < out.length; i++) out[i] = outcomes.get(i).measure(r, sc);
        return out;
    }
}
