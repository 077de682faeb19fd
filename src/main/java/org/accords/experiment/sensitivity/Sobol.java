package org.accords.experiment.sensitivity;

import org.accords.experiment.design.SaltelliDesign;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Sobol variance-based indices from a {@link SaltelliDesign}: first order by Saltelli et al.
 * (2010, their table 2, b), S1_i = mean(f(B) (f(AB_i) - f(A))) / V, and total order by Jansen
 * (1999), ST_i = mean((f(A) - f(AB_i))^2) / (2 V), with V the variance of f over A and B
 * together (as SALib). Second order (with the BA_i rows) follows Saltelli (2002) as SALib does.
 * Bootstrap intervals resample the n base rows.
 */
public final class Sobol {
    /** First and total order per factor; second order [i][j] for i < j, or null. */
    public record Result(Interval[] first, Interval[] total, Interval[][] second) {}

    private Sobol() {}

    public static Result analyze(double[] y, int dimensions, boolean secondOrder, int bootstrap, long seed) {
        int block = SaltelliDesign.blockSize(dimensions, secondOrder);
        int n = y.length / block;
        if (n * block != y.length || n < 2) throw new IllegalArgumentException("a Saltelli design has n (D + 2) or n (2D + 2) rows, n >= 2");
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        MersenneTwister rng = new MersenneTwister(seed);
        int[][] resamples = new int[bootstrap][n];
        for (int b = 0; b < bootstrap; b++) for (int i = 0; i < n; i++) resamples[b][i] = rng.nextInt(n);

        Interval[] first = new Interval[dimensions];
        Interval[] total = new Interval[dimensions];
        for (int i = 0; i < dimensions; i++) {
            double[] rs1 = new double[bootstrap];
            double[] rst = new double[bootstrap];
            for (int b = 0; b < bootstrap; b++) {
                rs1[b] = firstOrder(y, block, dimensions, i, resamples[b]);
                rst[b] = totalOrder(y, block, dimensions, i, resamples[b]);
            }
            first[i] = interval(firstOrder(y, block, dimensions, i, all), rs1);
            total[i] = interval(totalOrder(y, block, dimensions, i, all), rst);
        }
        Interval[][] second = null;
        if (secondOrder) {
            second = new Interval[dimensions][dimensions];
            for (int i = 0; i < dimensions; i++) {
                for (int j = i + 1; j < dimensions; j++) {
                    double[] r2 = new double[bootstrap];
                    for (int b = 0; b < bootstrap; b++) r2[b] = secondOrder(y, block, dimensions, i, j, resamples[b]);
                    second[i][j] = interval(secondOrder(y, block, dimensions, i, j, all), r2);
                }
            }
        }
        return new Result(first, total, second);
    }

    private static Interval interval(double estimate, double[] reps) {
        return reps.length == 0 ? new Interval(estimate, Double.NaN, Double.NaN) : Interval.of(estimate, reps, 0.95);
    }

    private static double a(double[] y, int block, int row) { return y[row * block]; }

    private static double b(double[] y, int block, int row) { return y[row * block + block - 1]; }

    private static double ab(double[] y, int block, int row, int i) { return y[row * block + 1 + i]; }

    private static double ba(double[] y, int block, int d, int row, int i) { return y[row * block + 1 + d + i]; }

    private static double variance(double[] y, int block, int[] rows) {
        double sum = 0;
        double sq = 0;
        for (int r : rows) {
            double fa = a(y, block, r);
            double fb = b(y, block, r);
            sum += fa + fb;
            sq += fa * fa + fb * fb;
        }
        int m = 2 * rows.length;
        double mean = sum / m;
        return sq / m - mean * mean;
    }

    static double firstOrder(double[] y, int block, int d, int i, int[] rows) {
        double s = 0;
        for (int r : rows) s += b(y, block, r) * (ab(y, block, r, i) - a(y, block, r));
        return s / rows.length / variance(y, block, rows);
    }

    static double totalOrder(double[] y, int block, int d, int i, int[] rows) {
        double s = 0;
        for (int r : rows) {
            double diff = a(y, block, r) - ab(y, block, r, i);
            s += diff * diff;
        }
        return 0.5 * s / rows.length / variance(y, block, rows);
    }

    /** Closed second-order index minus the two first-order ones (Saltelli 2002, eq. 12, as SALib's second_order). */
    static double secondOrder(double[] y, int block, int d, int i, int j, int[] rows) {
        double vij = 0;
        for (int r : rows) vij += ba(y, block, d, r, i) * ab(y, block, r, j) - a(y, block, r) * b(y, block, r);
        double v = variance(y, block, rows);
        vij = vij / rows.length / v;
        return vij - firstOrder(y, block, d, i, rows) - firstOrder(y, block, d, j, rows);
    }
}
