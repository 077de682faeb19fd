package org.accords.experiment.design;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Quasi-random points of the Sobol sequence (commons-math3's Joe-Kuo direction numbers). The
 * sequence's first point is all zeros, a corner of the cube that would be over-represented, so
 * it is skipped; {@code skip} further points give another, equally even, design.
 */
public final class SobolDesign {
    private SobolDesign() {}

    public static double[][] sample(int n, int dimensions, int skip) {
        if (n < 1 || dimensions < 1) throw new IllegalArgumentException("need n >= 1 and at least one dimension");
        if (dimensions > 1000) throw new IllegalArgumentException("the Sobol sequence supports at most 1000 dimensions");
        SobolSequenceGenerator g = new SobolSequenceGenerator(dimensions);
        g.skipTo(Math.max(0, skip)); // returns point skip; the next one is skip + 1, never the zero point
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = g.nextVector();
        return x;
    }
}
