package org.accords.experiment.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.accords.experiment.design.LatinHypercube;
import org.junit.jupiter.api.Test;

/** PRIM recovers a known box from synthetic data. */
class PrimTest {
    /** Cases: x0 >= 0.6 and x1 <= 0.4; x2 is noise. */
    static boolean[] cases(double[][] x) {
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i][0] >= 0.6 && x[i][1] <= 0.4;
        return y;
    }

    @Test
    void recoversAKnownBoxAndLeavesTheNoiseFactorFree() {
        double[][] x = LatinHypercube.sample(1000, 3, 11);
        Discovery.Answer a = Discovery.run(x, cases(x), 0.05, 0.05, 0.8, 10, 1);
        Prim.Box b = a.box();
        assertEquals(0.6, b.lower()[0], 0.03, "x0 lower limit");
        assertEquals(0.4, b.upper()[1], 0.03, "x1 upper limit");
        assertTrue(b.upper()[0] >= a.result().max()[0] && b.lower()[1] <= a.result().min()[1], "the other ends stay open");
        assertTrue(!b.restricts(2, a.result().min(), a.result().max()), "x2 is noise");
        assertTrue(b.density() > 0.95, "density " + b.density());
        assertTrue(b.coverage() > 0.9, "coverage " + b.coverage());
        assertTrue(a.quasiP()[0] < 1e-6 && a.quasiP()[1] < 1e-6, "both restrictions are significant");
        assertTrue(Double.isNaN(a.quasiP()[2]));
        assertEquals(10, a.restrictedIn()[0]);
        assertEquals(10, a.restrictedIn()[1]);
        assertTrue(a.restrictedIn()[2] <= 2, "noise restricted in few subsamples: " + a.restrictedIn()[2]);
    }

    @Test
    void trajectoryStartsWithEverythingAndNeverRaisesCoverage() {
        double[][] x = LatinHypercube.sample(400, 2, 3);
        Prim.Result r = new Prim(x, cases(x), 0.1, 0.1).peel();
        Prim.Box first = r.trajectory().get(0);
        assertEquals(1.0, first.coverage());
        assertEquals(1.0, first.mass());
        assertEquals(0.16, first.density(), 0.02, "P(x0 >= 0.6, x1 <= 0.4) = 0.4 x 0.4");
        for (int i = 1; i < r.trajectory().size(); i++) {
            Prim.Box a = r.trajectory().get(i - 1);
            Prim.Box b = r.trajectory().get(i);
            assertTrue(b.coverage() <= a.coverage() && b.mass() < a.mass());
            assertTrue(b.mass() >= 0.1);
        }
    }

    @Test
    void quasiPIsTheOneSidedBinomialTailByHand() {
        // four points on a line; cases at the top two; box = upper half
        double[][] x = {{0}, {1}, {2}, {3}};
        boolean[] y = {false, false, true, true};
        Prim prim = new Prim(x, y, 0.25, 0.1);
        Prim.Box box = new Prim.Box(new double[] {2}, new double[] {3}, 1, 1, 0.5, 2, 2);
        // without the restriction the density is 0.5; P(X >= 2 | n = 2, p = 0.5) = 0.25
        assertEquals(0.25, prim.quasiP(box, new double[] {0}, new double[] {3})[0], 1e-12);
    }

    @Test
    void quasiPKeepsItsSizeFarInTheTail() {
        // 100 points, half of them cases; a box of the 50 cases: P = 0.5^50 against the whole
        double[][] x = new double[100][1];
        boolean[] y = new boolean[100];
        for (int i = 0; i < 100; i++) {
            x[i][0] = i;
            y[i] = i >= 50;
        }
        Prim.Box box = new Prim.Box(new double[] {50}, new double[] {99}, 1, 1, 0.5, 50, 50);
        assertEquals(Math.pow(0.5, 50), new Prim(x, y, 0.05, 0.05).quasiP(box, new double[] {0}, new double[] {99})[0], 1e-20);
    }
}
