package org.accords.experiment.discovery;

import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Scenario discovery over an experiment's points: PRIM's trajectory, the chosen box (the densest
 * box that still covers the required share of the cases, then pasted), its quasi-p values, and a
 * resampling check of how stable the restrictions are: PRIM again on random halves of the points,
 * counting in how many of them each factor is restricted.
 */
public final class Discovery {
    /**
     * @param chosen      index of the chosen box in the trajectory (before pasting)
     * @param box         the chosen box after pasting
     * @param quasiP      per factor (NaN where unrestricted)
     * @param restrictedIn per factor, in how many subsamples it was restricted
     */
    public record Answer(Prim.Result result, int chosen, Prim.Box box, double[] quasiP, int[] restrictedIn, int subsamples) {}

    private Discovery() {}

    public static Answer run(double[][] x, boolean[] y, double alpha, double minMass, double minCoverage, int subsamples, long seed) {
        Prim prim = new Prim(x, y, alpha, minMass);
        Prim.Result r = prim.peel();
        int chosen = choose(r.trajectory(), minCoverage);
        Prim.Box box = prim.paste(r.trajectory().get(chosen), r.min(), r.max(), r.cases());
        double[] p = prim.quasiP(box, r.min(), r.max());
        int d = x[0].length;
        int[] restricted = new int[d];
        MersenneTwister rng = new MersenneTwister(seed);
        int half = x.length / 2;
        for (int s = 0; s < subsamples; s++) {
            int[] idx = new int[x.length];
            for (int i = 0; i < idx.length; i++) idx[i] = i;
            for (int i = idx.length - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[k];
                idx[k] = t;
            }
            double[][] xs = new double[half][];
            boolean[] ys = new boolean[half];
            for (int i = 0; i < half; i++) {
                xs[i] = x[idx[i]];
                ys[i] = y[idx[i]];
            }
            Prim sub = new Prim(xs, ys, alpha, minMass);
            Prim.Result sr = sub.peel();
            Prim.Box sb = sub.paste(sr.trajectory().get(choose(sr.trajectory(), minCoverage)), sr.min(), sr.max(), sr.cases());
            // judged against the full ranges, so that a half that happens to miss an extreme does not count as a restriction
            for (int j = 0; j < d; j++) if (sb.lower()[j] > r.min()[j] && sb.lower()[j] > sr.min()[j] || sb.upper()[j] < r.max()[j] && sb.upper()[j] < sr.max()[j]) restricted[j]++;
        }
        return new Answer(r, chosen, box, p, restricted, subsamples);
    }

    /** The densest box with at least the minimum coverage (ties: the one covering more); the first box if none qualifies. */
    static int choose(List<Prim.Box> trajectory, double minCoverage) {
        int best = 0;
        for (int i = 1; i < trajectory.size(); i++) {
            Prim.Box b = trajectory.get(i);
            Prim.Box c = trajectory.get(best);
            if (b.coverage() < minCoverage) continue;
            if (b.density() > c.density() || b.density() == c.density() && b.coverage() > c.coverage()) best = i;
        }
        return best;
    }
}
