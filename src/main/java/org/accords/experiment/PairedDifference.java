package org.accords.experiment;

import java.io.IOException;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference in states ever joined between a scenario and the baseline, month by month,
 * with a paired interval: replication k of both scenarios runs on the same random numbers
 * (seeded from (seed, k)), so the spread that matters is that of the per-replication
 * differences d_k = x_k - y_k, not of x and y apart. Sums are integers (d_k is a count), so
 * the result does not depend on the order of anything, and replications that are identical in
 * both scenarios give exactly zero with an interval of zero width.
 */
public final class PairedDifference {
    /** Replications paired. */
    public final long n;
    /** Over the states both scenarios simulate (all of them when the rosters agree). */
    public final int commonStates;
    /** [t]: sum over replications of d_k(t), and of d_k(t)^2. */
    private final long[] sum;
    private final long[] sumSquares;

    private PairedDifference(long n, int commonStates, long[] sum, long[] sumSquares) {
        this.n = n;
        this.commonStates = commonStates;
        this.sum = sum;
        this.sumSquares = sumSquares;
    }

    /** Pairs can be formed: the same master seed and replications (hence the same parameter set for replication k). */
    public static boolean pairable(EnsembleResult r, EnsembleResult base) {
        return r.seed == base.seed && r.runs() == base.runs() && r.runs() >= 1 && r.months() == base.months()
                && sameSets(r, base);
    }

    private static boolean sameSets(EnsembleResult r, EnsembleResult base) {
        if (r.parameterSets == null || base.parameterSets == null) return r.parameterSets == base.parameterSets;
        return r.parameterSets.size() == base.parameterSets.size() && r.parameterSets.file().equals(base.parameterSets.file());
    }

    /**
     * Reads both scenarios' replications in step and sums the paired differences over their
     * common states. Returns null when a source does not hold exactly the result's replications:
     * a different count, or per-month totals of states ever joined that differ from the
     * aggregate's (a runs.csv that does not belong to the result); the caller then uses another source.
     */
    public static PairedDifference of(EnsembleResult r, ReplicationJoins.Source rs, EnsembleResult base, ReplicationJoins.Source bs)
            throws IOException {
        int months = Math.min(r.months(), base.months());
        int[] common = new int[base.states()]; // base index -> index in r, or -1
        int commonStates = 0;
        for (int b = 0; b < base.states(); b++) {
            common[b] = r.scenario.indexOf(base.scenario.states().get(b).id());
            if (common[b] >= 0) commonStates++;
        }
        int[] tr = new int[r.states()], tb = new int[base.states()];
        int[] stepR = new int[months], stepB = new int[months], stepD = new int[months];
        long[] sum = new long[months], squares = new long[months], totalR = new long[months], totalB = new long[months];
        long n = 0;
        while (true) {
            boolean more = rs.next(tr);
            if (more != bs.next(tb)) return null;
            if (!more) break;
            n++;
            java.util.Arrays.fill(stepR, 0);
            java.util.Arrays.fill(stepB, 0);
            java.util.Arrays.fill(stepD, 0);
            for (int tick : tr) if (tick < months) stepR[Math.max(0, tick)]++;
            for (int tick : tb) if (tick < months) stepB[Math.max(0, tick)]++;
            for (int b = 0; b < common.length; b++) {
                if (common[b] < 0) continue;
                if (tr[common[b]] < months) stepD[Math.max(0, tr[common[b]])]++;
                if (tb[b] < months) stepD[Math.max(0, tb[b])]--;
            }
            long xr = 0, xb = 0, d = 0;
            for (int t = 0; t < months; t++) {
                totalR[t] += xr += stepR[t];
                totalB[t] += xb += stepB[t];
                d += stepD[t];
                sum[t] += d;
                squares[t] += d * d;
            }
        }
        if (n != r.runs() || n != base.runs()) return null;
        for (int t = 0; t < months; t++) {
            if (totalR[t] != Math.round(r.joinedMean(t) * r.runs()) || totalB[t] != Math.round(base.joinedMean(t) * base.runs())) return null;
        }
        return new PairedDifference(n, commonStates, sum, squares);
    }

    public int months() { return sum.length; }

    /** Mean of d_k(t). */
    public double mean(int t) { return sum[t] / (double) n; }

    /** True when d_k(t) = 0 in every replication: the scenarios do not differ in that month at all. */
    public boolean identical(int t) { return sumSquares[t] == 0; }

    /** Sample standard deviation of d_k(t) over replications (0 for fewer than two). */
    public double sd(int t) {
        if (n < 2) return 0;
        double var = (sumSquares[t] - (double) sum[t] * sum[t] / n) / (n - 1);
        return Math.sqrt(Math.max(0, var));
    }

    /** {mean, low, high}: the paired t interval of the mean difference at {@code level} (0.95 for 95%). */
    public double[] interval(int t, double level) {
        double mean = mean(t);
        if (n < 2 || identical(t)) return new double[] {mean, mean, mean};
        double q = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + level / 2);
        double half = q * sd(t) / Math.sqrt(n);
        return new double[] {mean, mean - half, mean + half};
    }
}
