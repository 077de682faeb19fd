package org.accords.experiment.sensitivity;

/**
 * How much of an outcome's spread over the points of a design is Monte Carlo noise: the mean
 * squared standard error of the points' estimates (p(1 - p)/R for a probability) over the
 * variance of the estimates across points. Above a few percent, indices partly measure the dice.
 */
public final class MonteCarloNoise {
    /** Share above which the analysis warns. */
    public static final double WARN = 0.05;

    private MonteCarloNoise() {}

    /** @return the share (may exceed 1), NaN when no standard errors are known or the outcome does not vary */
    public static double share(double[] values, double[] se) {
        double mean = 0;
        int n = 0;
        double noise = 0;
        int m = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) continue;
            mean += values[i];
            n++;
            if (!Double.isNaN(se[i])) {
                noise += se[i] * se[i];
                m++;
            }
        }
        if (n < 2 || m == 0) return Double.NaN;
        mean /= n;
        double ss = 0;
        for (double v : values) if (!Double.isNaN(v)) ss += (v - mean) * (v - mean);
        double variance = ss / (n - 1);
        return variance == 0 ? Double.NaN : (noise / m) / variance;
    }
}
