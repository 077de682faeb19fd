package org.accords.experiment;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * How a difference between two scenarios varies across the parameter sets of an ensemble: its
 * median, the ranges that hold the middle 80% and 95% of the sets' effects, and the share of sets
 * in which the pooled effect's sign holds. A conclusion is <em>robust</em> when its sign holds in
 * at least {@value #ROBUST} of the sets and <em>fragile</em> otherwise.
 *
 * @param pooled    the difference over all replications (every set)
 * @param signShare share of sets whose effect has the pooled effect's sign (for a pooled effect of
 *                  exactly zero: the share of sets with no effect either)
 */
public record SetEffects(double pooled, double median, double low80, double high80, double low95, double high95, double signShare, int sets) {
    public static final double ROBUST = 0.9;

    /** @param perSet the effect under each parameter set (sets with no runs left out by the caller) */
    public static SetEffects of(double pooled, double[] perSet) {
        if (perSet.length == 0) throw new IllegalArgumentException("no parameter sets");
        double[] sorted = perSet.clone();
        Arrays.sort(sorted);
        Percentile p = new Percentile();
        p.setData(sorted);
        int sign = (int) Math.signum(pooled);
        int holds = 0;
        for (double e : perSet) if ((int) Math.signum(e) == sign) holds++;
        return new SetEffects(pooled, p.evaluate(50), p.evaluate(10), p.evaluate(90), p.evaluate(2.5), p.evaluate(97.5),
                holds / (double) perSet.length, perSet.length);
    }

    public boolean robust() { return signShare >= ROBUST; }

    public String label() { return robust() ? "robust" : "fragile"; }

    /**
     * The per-set effects of scenario {@code r} against {@code base} in states ever joined by
     * month t; null unless both ran over the same parameter ensemble.
     */
    public static SetEffects joined(EnsembleResult r, EnsembleResult base, int t) {
        if (r.setCount() == 0 || r.setCount() != base.setCount() || r.parameterSets == null || base.parameterSets == null
                || !r.parameterSets.fingerprint().equals(base.parameterSets.fingerprint())) {
            return null;
        }
        double[] e = new double[r.setCount()];
        int n = 0;
        for (int j = 0; j < r.setCount(); j++) {
            if (r.setRuns(j) == 0 || base.setRuns(j) == 0) continue;
            e[n++] = r.setJoinedMean(j, t) - base.setJoinedMean(j, t);
        }
        if (n == 0) return null;
        return of(r.joinedMean(t) - base.joinedMean(t), Arrays.copyOf(e, n));
    }
}
