package org.accords.experiment.design;

/** Every combination of levels (the last factor varies fastest), as level indices per factor. */
public final class FullFactorial {
    private FullFactorial() {}

    /** @param levels the number of levels of each factor */
    public static int[][] sample(int[] levels) {
        long n = 1;
        for (int l : levels) {
            if (l < 1) throw new IllegalArgumentException("a factor needs at least one level");
            n *= l;
            if (n > 10_000_000) throw new IllegalArgumentException("more than 10,000,000 combinations");
        }
        int[][] out = new int[(int) n][levels.length];
        for (int p = 0; p < n; p++) {
            int rest = p;
            for (int j = levels.length - 1; j >= 0; j--) {
                out[p][j] = rest % levels[j];
                rest /= levels[j];
            }
        }
        return out;
    }

    /** Number of combinations, without building them. */
    public static long size(int[] levels) {
        long n = 1;
        for (int l : levels) n *= l;
        return n;
    }
}
