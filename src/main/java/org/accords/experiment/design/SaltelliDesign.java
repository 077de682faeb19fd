package org.accords.experiment.design;

/**
 * Saltelli's (2002, 2010) sampling scheme for Sobol indices. Two independent quasi-random
 * matrices A and B (the two halves of a 2D-dimensional Sobol sequence) and, for each factor i,
 * AB_i (A with column i from B) and, with second order, BA_i (B with column i from A). Rows come
 * in blocks of D + 2 (or 2D + 2): A_j, AB_j1 .. AB_jD, [BA_j1 .. BA_jD], B_j, as in SALib, so a
 * design of n base rows has n (D + 2) or n (2D + 2) points.
 */
public final class SaltelliDesign {
    private SaltelliDesign() {}

    public static int blockSize(int dimensions, boolean secondOrder) {
        return secondOrder ? 2 * dimensions + 2 : dimensions + 2;
    }

    public static double[][] sample(int n, int dimensions, boolean secondOrder, int skip) {
        double[][] base = SobolDesign.sample(n, 2 * dimensions, skip);
        int block = blockSize(dimensions, secondOrder);
        double[][] x = new double[n * block][];
        for (int j = 0; j < n; j++) {
            double[] a = java.util.Arrays.copyOfRange(base[j], 0, dimensions);
            double[] b = java.util.Arrays.copyOfRange(base[j], dimensions, 2 * dimensions);
            int row = j * block;
            x[row] = a;
            for (int i = 0; i < dimensions; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                x[row + 1 + i] = ab;
            }
            if (secondOrder) {
                for (int i = 0; i < dimensions; i++) {
                    double[] ba = b.clone();
                    ba[i] = a[i];
                    x[row + 1 + dimensions + i] = ba;
                }
            }
            x[row + block - 1] = b;
        }
        return x;
    }
}
