package org.accords.experiment.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DesignsTest {
    @Test
    void latinHypercubeHasOnePointInEveryStratumOfEveryColumn() {
        int n = 37;
        double[][] x = LatinHypercube.sample(n, 4, 5);
        for (int j = 0; j < 4; j++) {
            boolean[] hit = new boolean[n];
            for (double[] row : x) hit[(int) Math.floor(row[j] * n)] = true;
            for (boolean h : hit) assertTrue(h);
        }
        assertArrayEquals(x[3], LatinHypercube.sample(n, 4, 5)[3], "same seed, same design");
    }

    @Test
    void sobolSkipsTheAllZeroPoint() {
        double[][] x = SobolDesign.sample(4, 2, 0);
        assertArrayEquals(new double[] {0.5, 0.5}, x[0]);
        assertArrayEquals(new double[] {0.75, 0.25}, x[1]);
    }

    @Test
    void fullFactorialEnumeratesEveryCombinationLastFactorFastest() {
        int[][] x = FullFactorial.sample(new int[] {2, 3});
        assertEquals(6, x.length);
        assertArrayEquals(new int[] {0, 0}, x[0]);
        assertArrayEquals(new int[] {0, 2}, x[2]);
        assertArrayEquals(new int[] {1, 0}, x[3]);
    }

    @Test
    void saltelliBlocksAreABiBaB() {
        double[][] x = SaltelliDesign.sample(3, 2, true, 0);
        assertEquals(3 * 6, x.length);
        double[] a = x[0];
        double[] b = x[5];
        assertArrayEquals(new double[] {b[0], a[1]}, x[1]);
        assertArrayEquals(new double[] {a[0], b[1]}, x[2]);
        assertArrayEquals(new double[] {a[0], b[1]}, x[3]);
        assertArrayEquals(new double[] {b[0], a[1]}, x[4]);
    }
}
