package org.accords.experiment.sensitivity;

import org.accords.experiment.design.MorrisDesign;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Morris elementary-effects screening (Morris 1991; mu* from Campolongo, Cariboni and Saltelli
 * 2007): a pure function of a {@link MorrisDesign} (unit cube, r trajectories of D + 1 rows) and
 * the model output at each row. Effects are per unit of the factor's [0, 1] scale, so factors
 * with different units compare. Confidence intervals resample whole trajectories.
 */
public final class Morris {
    /** Per factor: mean effect, mean absolute effect, standard deviation of the effects. */
    public record Result(Interval mu, Interval muStar, Interval sigma) {}

    private Morris() {}

    /**
     * @param x       the design, r (D + 1) rows of D unit coordinates
     * @param y       the output at each row (finite)
     * @param bootstrap number of bootstrap resamples of the trajectories (0: no interval)
     */
    public static Result[] analyze(double[][] x, double[] y, int dimensions, int bootstrap, long seed) {
        int r = x.length / (dimensions + 1);
        if (r * (dimensions + 1) != x.length || y.length != x.length || r < 1) {
            throw new IllegalArgumentException("a Morris design has r (D + 1) rows and one output per row");
        }
        double[][] effects = new double[r][dimensions]; // [trajectory][factor]
        for (int t = 0; t < r; t++) {
            int row = t * (dimensions + 1);
            for (int k = 0; k < dimensions; k++) {
                double[] a = x[row + k];
                double[] b = x[row + k + 1];
                int changed = -1;
                for (int j = 0; j < dimensions; j++) if (a[j] != b[j]) changed = j;
                if (changed < 0) throw new IllegalArgumentException("rows " + (row + k) + " and " + (row + k + 1) + " do not differ");
                effects[t][changed] = (y[row + k + 1] - y[row + k]) / (b[changed] - a[changed]);
            }
        }
        Result[] out = new Result[dimensions];
        MersenneTwister rng = new MersenneTwister(seed);
        int[][] resamples = new int[bootstrap][r];
        for (int b = 0; b < bootstrap; b++) for (int t = 0; t < r; t++) resamples[b][t] = rng.nextInt(r);
        int[] all = new int[r];
        for (int t = 0; t < r; t++) all[t] = t;
        for (int j = 0; j < dimensions; j++) {
            double[] s = stats(effects, j, all);
            double[][] reps = new double[3][bootstrap];
            for (int b = 0; b < bootstrap; b++) {
                double[] sb = stats(effects, j, resamples[b]);
                for (int m = 0; m < 3; m++) reps[m][b] = sb[m];
            }
            out[j] = new Result(ci(s[0], reps[0]), ci(s[1], reps[1]), ci(s[2], reps[2]));
        }
        return out;
    }

    private static Interval ci(double estimate, double[] reps) {
        return reps.length == 0 ? new Interval(estimate, Double.NaN, Double.NaN) : Interval.of(estimate, reps, 0.95);
    }

    /** mu, mu*, sigma (sample standard deviation, as SALib) of factor j's effects over the chosen trajectories. */
    private static double[] stats(double[][] effects, int j, int[] rows) {
        double sum = 0;
        double abs = 0;
        for (int t : rows) {
            sum += effects[t][j];
            abs += Math.abs(effects[t][j]);
        }
        double mu = sum / rows.length;
        double ss = 0;
        for (int t : rows) ss += (effects[t][j] - mu) * (effects[t][j] - mu);
        double sigma = rows.length > 1 ? Math.sqrt(ss / (rows.length - 1)) : 0;
        return new double[] {mu, abs / rows.length, sigma};
    }
}
