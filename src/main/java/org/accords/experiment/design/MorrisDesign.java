package org.accords.experiment.design;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Morris (1991) one-at-a-time trajectories on a p-level grid of the unit cube: r trajectories of
 * D + 1 points; consecutive points differ in one factor by Delta = p / (2 (p - 1)), each factor
 * once per trajectory, in random order and direction (Saltelli et al. 2008, section 3.3).
 * Rows are trajectory by trajectory.
 */
public final class MorrisDesign {
    private MorrisDesign() {}

    public static double delta(int levels) {
        return levels / (2.0 * (levels - 1));
    }

    public static double[][] sample(int trajectories, int dimensions, int levels, long seed) {
        if (trajectories < 1 || dimensions < 1) throw new IllegalArgumentException("need r >= 1 and at least one dimension");
        if (levels < 2 || levels % 2 != 0) throw new IllegalArgumentException("Morris needs an even number of levels >= 2");
        RandomGenerator rng = new MersenneTwister(seed);
        double delta = delta(levels);
        // base values from the lower half of the grid, so that x + Delta stays inside it
        int baseChoices = levels / 2;
        double[][] x = new double[trajectories * (dimensions + 1)][];
        for (int t = 0; t < trajectories; t++) {
            double[] point = new double[dimensions];
            boolean[] up = new boolean[dimensions];
            for (int j = 0; j < dimensions; j++) {
                up[j] = rng.nextBoolean();
                double low = rng.nextInt(baseChoices) / (double) (levels - 1);
                point[j] = up[j] ? low : low + delta; // a downward step starts from the upper end
            }
            int[] order = permutation(dimensions, rng);
            int row = t * (dimensions + 1);
            x[row] = point.clone();
            for (int k = 0; k < dimensions; k++) {
                int j = order[k];
                point[j] = up[j] ? point[j] + delta : point[j] - delta;
                x[row + k + 1] = point.clone();
            }
        }
        return x;
    }

    private static int[] permutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[k];
            p[k] = t;
        }
        return p;
    }
}
