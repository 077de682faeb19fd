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
        SECOND_MAX("second-largest");

        public final String text;

        Rule(String text) { this.text = text; }

        public double summary(double[] implausibilities) {
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (double i : implausibilities) {
                if (i > first) {
                    second = first;
                    first = i;
                } else if (i > second) {
                    second = i;
                }
            }
            if (this == MAX || implausibilities.length < 2) return first;
            return second;
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
