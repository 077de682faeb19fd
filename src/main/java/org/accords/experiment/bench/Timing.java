package org.accords.experiment.bench;

import java.util.Arrays;

/**
 * A small timing harness: warm-up rounds that are thrown away, then measured rounds, reported
 * as median, min and max. Two workloads can be timed in alternation (A B A B ...) so that they
 * share whatever else the machine is doing, and their ratio is taken round by round.
 */
public final class Timing {
    private Timing() {}

    /** A workload whose size is fixed: one call does the same work each time and returns a result to keep it alive. */
    @FunctionalInterface
    public interface Round {
        long run();
    }

    /** Times of the measured rounds, in nanoseconds. */
    public record Sample(long[] nanos) {
        public double median() { return Timing.median(nanos); }
        public double min() { return Arrays.stream(nanos).min().orElse(0); }
        public double max() { return Arrays.stream(nanos).max().orElse(0); }
        /** (max - min) / median: how noisy the rounds were. */
        public double spread() { return (max() - min()) / median(); }
    }

    /** A paired comparison: each workload's rounds and the per-round ratios a / b. */
    public record Pair(Sample a, Sample b, double[] ratios) {
        public double ratioMedian() { return Timing.median(ratios); }
        public double ratioMin() { return Arrays.stream(ratios).min().orElse(0); }
        public double ratioMax() { return Arrays.stream(ratios).max().orElse(0); }
    }

    /** A sink for results, so the JIT cannot drop a round's work. */
    public static volatile long blackhole;

    public static Sample time(Round round, int warmups, int rounds) {
        for (int i = 0; i < warmups; i++) blackhole += round.run();
        long[] t = new long[rounds];
        for (int i = 0; i < rounds; i++) t[i] = once(round);
        return new Sample(t);
    }

    public static Pair pair(Round a, Round b, int warmups, int rounds) {
        for (int i = 0; i < warmups; i++) {
            blackhole += a.run();
            blackhole += b.run();
        }
        long[] ta = new long[rounds];
        long[] tb = new long[rounds];
        double[] r = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            // alternate which goes first, so neither always follows the other's garbage or cache state
            if (i % 2 == 0) {
                ta[i] = once(a);
                tb[i] = once(b);
            } else {
                tb[i] = once(b);
                ta[i] = once(a);
            }
            r[i] = ta[i] / (double) tb[i];
        }
        return new Pair(new Sample(ta), new Sample(tb), r);
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
