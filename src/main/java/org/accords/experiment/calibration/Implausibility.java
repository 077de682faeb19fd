package org.accords.experiment.calibration;

/**
 * History-matching implausibility (Craig, Goldstein, Seheult and Smith 1997; Vernon, Goldstein
 * and Bower 2010): how many standard deviations a point's expected output lies from an observed
 * target, counting every source of uncertainty that could explain the gap.
 *
 * <p>I = |z − E[f(x)]| / sqrt(Var_ensemble + Var_discrepancy + Var_observation). For a stochastic
 * model Var_ensemble is the run-to-run variance of the output at x (the record is one history, so
 * it is compared with one run, not with the mean) plus the Monte Carlo variance of the mean.
 */
public final class Implausibility {
    private Implausibility() {}

    /**
     * An observed quantity the model must reproduce.
     *
     * @param discrepancyVariance what the model cannot represent even at its best parameters
     * @param observationVariance the uncertainty of the observed value itself
     */
    public record Target(String name, double observed, double discrepancyVariance, double observationVariance) {
        public Target {
            if (!(discrepancyVariance >= 0) || !(observationVariance >= 0)) throw new IllegalArgumentException("variances must be >= 0: " + name);
        }
    }

    /** How the per-target implausibilities of a point are summarised before the cutoff is applied. */
    public enum Rule {
        /** the largest I: every target must be matched */
        MAX("largest"),
        /** the second-largest I: one target may be missed (the usual convention when one target may be mis-specified) */
        SECOND_MAX("second-largest"),
        /**
         * the k-th largest I, k set by the number of targets n ({@link #misses}): the cutoff of 3 rests
         * on Pukelsheim's three-sigma rule (a unimodal quantity lies beyond 3 sd with probability at
         * most 4/81), so at the true parameters each of n targets may exceed 3 with that probability,
         * and with many targets more than one will. k is the smallest count that the true parameters
         * reach with at most {@value #MISS_RISK} probability (binomial, targets taken as independent):
         * 2, as second-max, for up to 7 targets; 6 for 44.
         */
        K_MAX("k-th largest");

        /** Pukelsheim (1994): P(|X − μ| ≥ 3σ) ≤ 4/81 for a unimodal X. */
        public static final double BEYOND_THREE_SD = 4.0 / 81;
        /** The largest probability of ruling out the true parameters that {@link #K_MAX} accepts. */
        public static final double MISS_RISK = 0.05;

        public final String text;

        Rule(String text) { this.text = text; }

        /** Which largest implausibility the rule compares with the cutoff, for n targets (1 = the largest). */
        public int rank(int targets) {
            return switch (this) {
                case MAX -> 1;
                case SECOND_MAX -> Math.min(2, Math.max(1, targets));
                case K_MAX -> misses(targets, BEYOND_THREE_SD, MISS_RISK);
            };
        }

        /** The smallest k with P(Binomial(n, p) ≥ k) ≤ risk (at least 1, at most n). */
        static int misses(int n, double p, double risk) {
            if (n < 1) return 1;
            org.apache.commons.math3.distribution.BinomialDistribution b = new org.apache.commons.math3.distribution.BinomialDistribution(null, n, p);
            for (int k = 1; k <= n; k++) if (1 - b.cumulativeProbability(k - 1) <= risk) return k;
            return n;
        }

        /** The rule in words for n targets, e.g. "6th-largest". */
        public String describe(int targets) {
            int k = rank(targets);
            return this == K_MAX ? ordinal(k) + "-largest (k = " + k + " of " + targets + " targets)" : text;
        }

        private static String ordinal(int k) {
            String suffix = k % 100 >= 11 && k % 100 <= 13 ? "th" : switch (k % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            };
            return k + suffix;
        }

        public double summary(double[] implausibilities) {
            if (implausibilities.length == 0) return Double.NEGATIVE_INFINITY;
            double[] sorted = implausibilities.clone();
            java.util.Arrays.sort(sorted);
            int k = Math.min(rank(sorted.length), sorted.length);
            return sorted[sorted.length - k];
        }
    }

    /** The implausibility of one target at a point whose replications have this mean and variance. */
    public static double of(Target t, double mean, double ensembleVariance) {
        double denominator = ensembleVariance + t.discrepancyVariance() + t.observationVariance();
        double gap = Math.abs(t.observed() - mean);
        if (denominator <= 0) return gap == 0 ? 0 : Double.POSITIVE_INFINITY;
        return gap / Math.sqrt(denominator);
    }

    /**
     * Var_ensemble for a point run R times: the run-to-run variance s² (one history against one
     * record) plus the Monte Carlo variance of the mean, s²/R.
     */
    public static double ensembleVariance(double runVariance, int replications) {
        return runVariance * (1 + 1.0 / replications);
    }
}
