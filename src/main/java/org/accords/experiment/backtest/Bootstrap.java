package org.accords.experiment.backtest;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Percentile bootstrap of a mean over states. Items are resampled by cluster (a state, with all
 * its items across origins), so an interval over several origins does not pretend that one
 * state's repeated windows are independent. Fixed seed: the same input gives the same interval.
 */
public final class Bootstrap {
    public static final int RESAMPLES = 2000;
    public static final long SEED = 20_260_101L;

    public record Interval(double mean, double lower, double upper) {}

    private Bootstrap() {}

    /** 95% interval of the mean of {@code values}, clusters given per item as indices 0..k-1. */
    public static Interval mean(double[] values, int[] cluster) {
        if (values.length != cluster.length) throw new IllegalArgumentException("values and clusters differ in length");
        if (values.length == 0) return new Interval(Double.NaN, Double.NaN, Double.NaN);
        int k = 0;
        for (int c : cluster) k = Math.max(k, c + 1);
        double[] sum = new double[k];
        int[] count = new int[k];
        for (int i = 0; i < values.length; i++) {
            sum[cluster[i]] += values[i];
            count[cluster[i]]++;
        }
        int[] present = java.util.stream.IntStream.range(0, k).filter(c -> count[c] > 0).toArray();
        MersenneTwister rng = new MersenneTwister(SEED);
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double s = 0;
            long n = 0;
            for (int j = 0; j < present.length; j++) {
                int c = present[rng.nextInt(present.length)];
                s += sum[c];
                n += count[c];
            }
            means[b] = s / n;
        }
        Percentile pct = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        return new Interval(EventScores.mean(values), pct.evaluate(means, 2.5), pct.evaluate(means, 97.5));
    }

    /** Each item its own cluster (one window: one item per state). */
    public static Interval mean(double[] values) {
        return mean(values, java.util.stream.IntStream.range(0, values.length).toArray());
    }
}
