package org.accords.experiment.design;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Latin hypercube sample in the unit cube (McKay, Beckman and Conover 1979): each column is a
 * random permutation of the n strata with a uniform draw inside each stratum, so every factor's
 * range is covered evenly whatever n is.
 */
public final class LatinHypercube {
    private LatinHypercube() {}

    public static double[][] sample(int n, int dimensions, long seed) {
        if (n < 1 || dimensions < 1) throw new IllegalArgumentException("need n >= 1 and at least one dimension");
        RandomGenerator rng = new MersenneTwister(seed);
        double[][] x = new double[n][dimensions];
        int[] perm = new int[n];
        for (int j = 0; j < dimensions; j++) {
            for (int i = 0; i < n; i++) perm[i] = i;
            for (int i = n - 1; i > 0; i--) { // Fisher-Yates
                int k = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            for (int i = 0; i < n; i++) x[i][j] = (perm[i] + rng.nextDouble()) / n;
        }
        return x;
    }
}
