package org.accords.experiment.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.accords.experiment.design.MorrisDesign;
import org.junit.jupiter.api.Test;

class MorrisTest {
    @Test
    void linearFunctionEffectsAreItsCoefficientsWithNoSpread() {
        double[] c = {10, -5, 1, 0};
        double[][] x = MorrisDesign.sample(20, 4, 4, 3);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < 4; j++) y[i] += c[j] * x[i][j];
        Morris.Result[] r = Morris.analyze(x, y, 4, 200, 1);
        for (int j = 0; j < 4; j++) {
            assertEquals(c[j], r[j].mu().estimate(), 1e-9);
            assertEquals(Math.abs(c[j]), r[j].muStar().estimate(), 1e-9);
            assertEquals(0, r[j].sigma().estimate(), 1e-9);
        }
    }

    /** Sobol's G function: the smaller a_i, the more important x_i (Saltelli et al. 2008, 3.6). */
    @Test
    void ranksTheSobolGFunctionsFactorsByImportance() {
        double[] a = {0, 1, 4.5, 9, 99, 99};
        int d = a.length;
        double[][] x = MorrisDesign.sample(60, d, 4, 7);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double g = 1;
            for (int j = 0; j < d; j++) g *= (Math.abs(4 * x[i][j] - 2) + a[j]) / (1 + a[j]);
            y[i] = g;
        }
        Morris.Result[] r = Morris.analyze(x, y, d, 100, 1);
        for (int j = 0; j < 3; j++) {
            assertTrue(r[j].muStar().estimate() > r[j + 1].muStar().estimate(), "x" + (j + 1) + " beats x" + (j + 2));
        }
        assertTrue(r[4].muStar().estimate() < 0.05 * r[0].muStar().estimate(), "a = 99 is negligible");
        assertTrue(r[0].muStar().low() <= r[0].muStar().estimate() && r[0].muStar().estimate() <= r[0].muStar().high());
    }

    @Test
    void designStepsEachFactorOnceByDeltaInsideTheCube() {
        int d = 5;
        double[][] x = MorrisDesign.sample(10, d, 6, 11);
        double delta = MorrisDesign.delta(6);
        for (int t = 0; t < 10; t++) {
            boolean[] seen = new boolean[d];
            for (int k = 0; k < d; k++) {
                double[] p = x[t * (d + 1) + k];
                double[] q = x[t * (d + 1) + k + 1];
                int changed = -1;
                for (int j = 0; j < d; j++) {
                    assertTrue(q[j] >= -1e-12 && q[j] <= 1 + 1e-12);
                    if (p[j] != q[j]) {
                        assertEquals(-1, changed, "one factor at a time");
                        changed = j;
                        assertEquals(delta, Math.abs(q[j] - p[j]), 1e-12);
                    }
                }
                assertTrue(!seen[changed]);
                seen[changed] = true;
            }
        }
    }
}
