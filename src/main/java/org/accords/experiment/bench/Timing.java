package org.accords.experiment.bench;

import java.util.Arrays;

/**
 * A small timing harness: warm-up rounds that are thrown away, then measured rounds, reported
 * as median, min and max. Several workloads are timed in turn within each round (A B C, then
 * B C A, ...), so they share whatever else the machine is doing at the time, and ratios between
 * them are taken round by round: a ratio stays meaningful when the machine's speed drifts.
 */
public final class Timing {
    private Timing() {}

    /** A workload of fixed size: each call does the same work and returns a result that keeps it from being optimized away. */
    @FunctionalInterface
    public interface Round {
        long run();
    }

    /** Times of the measured rounds, in nanoseconds. */
    public record Sample(long[] nanos) {
        public double median() { return Timing.median(nanos); }
        public double min() { return Arrays.stream(nanos).min().orElse(0); }
        public double max() { return Arrays.stream(nanos).max().orElse(0); }
    }

    /** The measured rounds of several workloads timed in turn. */
    public record Comparison(Sample[] samples) {
        public Sample get(int i) { return samples[i]; }

        /** Per round, time of workload i over time of workload j. */
        public double[] ratios(int i, int j) {
            long[] a = samples[i].nanos();
            long[] b = samples[j].nanos();
            double[] r = new double[a.length];
            for (int k = 0; k < r.length; k++) r[k] = a[k] / (double) b[k];
            return r;
        }

        public double ratio(int i, int j) { return Timing.median(ratios(i, j)); }
        public double ratioMin(int i, int j) { return Arrays.stream(ratios(i, j)).min().orElse(0); }
        public double ratioMax(int i, int j) { return Arrays.stream(ratios(i, j)).max().orElse(0); }
    }

    /** A sink for results, so the JIT cannot drop a round's work. */
    public static volatile long blackhole;

    public static Comparison compare(int warmups, int rounds, Round... workloads) {
        int n = workloads.length;
        for (int i = 0; i < warmups; i++) {
            for (Round w : workloads) blackhole += w.run();
        }
        long[][] t = new long[n][rounds];
        for (int r = 0; r < rounds; r++) {
            // rotate the order, so no workload always follows the same one (its garbage, its cache state)
            for (int k = 0; k < n; k++) {
                int w = (r + k) % n;
                t[w][r] = once(workloads[w]);
            }
        }
        Sample[] samples = new Sample[n];
        for (int w = 0; w < n; w++) samples[w] = new Sample(t[w]);
        return new Comparison(samples);
    }

    static long once(Round round) {
        long t0 = System.nanoTime();
        blackhole += round.run();
        return System.nanoTime() - t0;
    }

    static double median(long[] xs) {
        double[] d = new double[xs.length];
        for (int i = 0; i < xs.length; i++) d[i] = xs[i];
        return median(d);
    }

    static double median(double[] xs) {
        if (xs.length == 0) return Double.NaN;
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
