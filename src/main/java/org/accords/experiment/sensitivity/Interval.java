package org.accords.experiment.sensitivity;

/** An estimate with a bootstrap percentile interval (95% unless stated). */
public record Interval(double estimate, double low, double high) {
    /** Percentile interval of bootstrap replicates (sorted in place). */
    static Interval of(double estimate, double[] replicates, double level) {
        java.util.Arrays.sort(replicates);
        double tail = (1 - level) / 2;
        return new Interval(estimate, quantile(replicates, tail), quantile(replicates, 1 - tail));
    }

    /** Linear interpolation between order statistics (type 7, the R and NumPy default). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
