package org.accords.experiment.sensitivity;

/** An estimate with a bootstrap percentile interval (95% unless stated). */
public record Interval(double estimate, double low, double high) {
    /** Percentile interval of bootstrap replicates (sorted in place). */
    static Interval of(double estimate, double[] replicates, double level) {
        java.util.Arrays.sort(replicates);
        double tail = (1 - level) / 2;
        return new Interval(estimate, quantile(replicates, tail), quantile(replicates, 1 - tail));
    }

    /** Linear interpolation between order statistics (type 7: the R, NumPy and SALib default), by commons-math3. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return new org.apache.commons.math3.stat.descriptive.rank.Percentile()
                .withEstimationType(org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType.R_7)
                .evaluate(sorted, 100 * q);
    }
}
