package org.accords.experiment;

/**
 * Per-replication seeds. Replication k's seed depends on (master seed, k) alone, so results do
 * not depend on thread count or run order. MersenneTwisterFast(long) keeps only 32 bits, so the
 * seed is four ints mixed with SplitMix64 from the full 64-bit master seed and the index.
 */
public final class Seeds {
    private Seeds() {}

    public static int[] forReplication(long masterSeed, long replication) {
        long a = splitMix(masterSeed ^ splitMix(replication + 0x632BE59BD9B4E019L));
        long b = splitMix(a + 0x9E3779B97F4A7C15L);
        return new int[] {(int) (a >>> 32), (int) a, (int) (b >>> 32), (int) b};
    }

    static long splitMix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
