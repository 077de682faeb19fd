package org.accords.experiment.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.accords.experiment.design.SaltelliDesign;
import org.junit.jupiter.api.Test;

/** The Ishigami function's analytic Sobol indices (Ishigami and Homma 1990; a = 7, b = 0.1). */
class SobolIshigamiTest {
    static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    static double[] evaluate(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = ishigami(x[i]);
        return y;
    }

    @Test
    void reproducesTheAnalyticFirstAndTotalIndices() {
        double[][] x = SaltelliDesign.sample(8192, 3, false, 0);
        assertEquals(8192 * 5, x.length);
        Sobol.Result r = Sobol.analyze(evaluate(x), 3, false, 100, 1);
        double[] s1 = {0.3139, 0.4424, 0.0};
        double[] st = {0.5576, 0.4424, 0.2437};
        for (int i = 0; i < 3; i++) {
            // tolerance 0.03: the estimators' error at n = 8192 quasi-random base rows
            assertEquals(s1[i], r.first()[i].estimate(), 0.03, "S1 of x" + (i + 1));
            assertEquals(st[i], r.total()[i].estimate(), 0.03, "ST of x" + (i + 1));
            assertTrue(r.first()[i].low() <= r.first()[i].estimate() && r.first()[i].estimate() <= r.first()[i].high());
            assertTrue(r.total()[i].high() - r.total()[i].low() < 0.1, "interval of ST is narrow at this n");
        }
    }

    @Test
    void secondOrderFindsTheOnlyInteractionBetweenX1AndX3() {
        double[][] x = SaltelliDesign.sample(8192, 3, true, 0);
        assertEquals(8192 * 8, x.length);
        Sobol.Result r = Sobol.analyze(evaluate(x), 3, true, 0, 1);
        // S13 = ST1 - S1 = 0.2437; x2 interacts with nothing
        assertEquals(0.2437, r.second()[0][2].estimate(), 0.05);
        assertEquals(0.0, r.second()[0][1].estimate(), 0.05);
        assertEquals(0.0, r.second()[1][2].estimate(), 0.05);
        assertEquals(0.3139, r.first()[0].estimate(), 0.03);
    }
}
