package org.accords.experiment.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.calibration.Implausibility.Rule;
import org.accords.experiment.calibration.Implausibility.Target;
import org.junit.jupiter.api.Test;

/**
 * History matching on an analytic toy whose non-implausible region is known: in the unit cube,
 * f1 = x0 + x1 must match 1 and f2 = x2 must match 0.5, each with run-to-run sd 0.05 and
 * discrepancy sd 0.05. With many replications I ≤ 3 means |x0 + x1 − 1| ≤ a and |x2 − 0.5| ≤ a
 * with a = 3·sqrt(0.0025 + 0.0025) = 0.2121: a volume of (1 − (1 − a)²)·2a = 0.1609.
 */
class HistoryMatchingTest {
    static final double SD = 0.05;
    static final int REPS = 1_000_000; // the toy's outputs are exact: its Monte Carlo term is negligible
    static final double A = 3 * Math.sqrt(2 * SD * SD);
    static final double VOLUME = (1 - (1 - A) * (1 - A)) * 2 * A;

    static final List<Target> TARGETS = List.of(new Target("x0 + x1", 1.0, SD * SD, 0), new Target("x2", 0.5, SD * SD, 0));

    static HistoryMatching.Output toy(double[] x) {
        return new HistoryMatching.Output(new double[] {x[0] + x[1], x[2]}, new double[] {SD * SD, SD * SD}, REPS);
    }

    static boolean inRegion(double[] x) {
        return Math.abs(x[0] + x[1] - 1) <= A && Math.abs(x[2] - 0.5) <= A;
    }

    static HistoryMatching.Settings settings(int waves, Rule rule, int threads) {
        return new HistoryMatching.Settings(waves, 1000, 3.0, rule, 3, 0.1, 20, threads);
    }

    static HistoryMatching.Result match(int waves, Rule rule, int threads, List<Target> targets, HistoryMatching.Simulator sim) {
        return new HistoryMatching(settings(waves, rule, threads)).run(sim, targets, 3, p -> { }, new AtomicBoolean());
    }

    @Test
    void implausibilityByHand() {
        Target t = new Target("joins", 4, 0.25, 0.25);
        assertEquals(1.0, Implausibility.of(t, 3, 0.5), 1e-12);
        assertEquals(1.0, Implausibility.of(t, 5, 0.5), 1e-12);
        assertEquals(0.0, Implausibility.of(new Target("none", 0, 0, 0), 0, 0));
        assertEquals(Double.POSITIVE_INFINITY, Implausibility.of(new Target("none", 1, 0, 0), 0, 0));
        assertEquals(0.5 * 1.01, Implausibility.ensembleVariance(0.5, 100), 1e-12);
        assertEquals(5, Rule.MAX.summary(new double[] {1, 5, 2}));
        assertEquals(2, Rule.SECOND_MAX.summary(new double[] {1, 5, 2}));
        assertEquals(5, Rule.SECOND_MAX.summary(new double[] {5, 5, 2}));
        assertEquals(7, Rule.SECOND_MAX.summary(new double[] {7}), "one target: the second-max rule is the max rule");
    }

    @Test
    void firstWaveEstimatesTheKnownRegionsVolume() {
        HistoryMatching.Result r = match(1, Rule.MAX, 1, TARGETS, HistoryMatchingTest::toy);
        assertEquals(1000, r.points().size());
        assertEquals(VOLUME, r.waves().get(0).acceptance(), 0.02, "share of a Sobol design that is not ruled out");
        for (Point p : r.points()) assertEquals(inRegion(p.x()), p.nonImplausible(3.0), "the rule is I <= 3 on both targets");
    }

    @Test
    void laterWavesConcentrateOnTheRegionWithoutLosingAnyOfIt() {
        HistoryMatching.Result r = match(3, Rule.MAX, 2, TARGETS, HistoryMatchingTest::toy);
        assertEquals(3, r.waves().size());
        double first = r.waves().get(0).acceptance();
        assertTrue(r.waves().get(1).acceptance() > 1.8 * first, "wave 2 wastes fewer runs: " + r.waves());
        assertTrue(r.waves().get(2).acceptance() >= r.waves().get(1).acceptance() - 0.05, r.waves().toString());
        // the survivors' box covers the whole known region (x2 within 0.5 ± a, x0 and x1 anywhere)
        WaveSampler.Box box = r.waves().get(2).box();
        assertTrue(box.lower()[2] <= 0.5 - A + 0.02 && box.upper()[2] >= 0.5 + A - 0.02, "x2 range kept");
        assertTrue(box.lower()[0] <= 0.02 && box.upper()[0] >= 0.98, "x0 range kept");
        // an ensemble drawn from the pool spreads over the region like a uniform sample of it
        List<Point> sets = NonImplausibleSelection.select(r.nonImplausible(), 300, 5);
        assertEquals(300, sets.size());
        double[] x2 = sets.stream().mapToDouble(p -> p.x()[2]).toArray();
        double[] x0 = sets.stream().mapToDouble(p -> p.x()[0]).toArray();
        assertEquals(0.5, mean(x2), 0.03);
        assertEquals(2 * A / Math.sqrt(12), sd(x2), 0.02, "uniform over the slab 0.5 ± a");
        assertEquals(0.5, mean(x0), 0.05);
        // x0 in the region: triangular-ish, spread over almost the whole [0, 1]
        assertTrue(min(x0) < 0.05 && max(x0) > 0.95, "no hole at the ends of x0");
        assertTrue(min(x2) < 0.5 - A + 0.05 && max(x2) > 0.5 + A - 0.05, "no hole at the ends of x2");
    }

    @Test
    void secondMaxToleratesOneTargetNoPointCanMeet() {
        List<Target> withImpossible = new ArrayList<>(TARGETS);
        withImpossible.add(new Target("impossible", 1.0, SD * SD, 0));
        HistoryMatching.Simulator sim = x -> {
            HistoryMatching.Output o = toy(x);
            return new HistoryMatching.Output(new double[] {o.mean()[0], o.mean()[1], 0}, new double[] {SD * SD, SD * SD, SD * SD}, REPS);
        };
        HistoryMatching.Result strict = match(2, Rule.MAX, 1, withImpossible, sim);
        assertTrue(strict.nonImplausible().isEmpty(), "under the max rule the impossible target rules out everything");
        assertEquals(1, strict.waves().size(), "no second wave when nothing survived");
        HistoryMatching.Result lenient = match(1, Rule.SECOND_MAX, 1, withImpossible, sim);
        HistoryMatching.Result plain = match(1, Rule.MAX, 1, TARGETS, HistoryMatchingTest::toy);
        assertEquals(plain.nonImplausible().size(), lenient.nonImplausible().size(),
                "with one target out of reach, second-max rules out exactly what max does on the others");
    }

    @Test
    void sameResultAtAnyThreadCount() {
        HistoryMatching.Result one = match(2, Rule.MAX, 1, TARGETS, HistoryMatchingTest::toy);
        HistoryMatching.Result three = match(2, Rule.MAX, 3, TARGETS, HistoryMatchingTest::toy);
        assertEquals(one.points().size(), three.points().size());
        for (int i = 0; i < one.points().size(); i++) {
            assertArrayEquals(one.points().get(i).x(), three.points().get(i).x());
            assertEquals(one.points().get(i).summary(), three.points().get(i).summary());
            assertEquals(i, three.points().get(i).index());
        }
    }

    @Test
    void selectionIsUniformWithoutReplacementAndSeeded() {
        List<Point> pool = new ArrayList<>();
        for (int i = 0; i < 50; i++) pool.add(new Point(new double[] {i}, new double[0], new double[0], new double[0], 0, 1, i));
        assertEquals(pool, NonImplausibleSelection.select(pool, 80, 1), "fewer points than k: all of them");
        List<Point> a = NonImplausibleSelection.select(pool, 10, 1);
        assertEquals(10, a.size());
        assertEquals(10, a.stream().distinct().count());
        for (int i = 1; i < a.size(); i++) assertTrue(a.get(i - 1).index() < a.get(i).index(), "in evaluation order");
        assertEquals(a, NonImplausibleSelection.select(pool, 10, 1));
        assertNotEquals(a, NonImplausibleSelection.select(pool, 10, 2));
        // every point equally likely: over many seeds each is chosen about 10/50 of the time
        int[] hits = new int[50];
        for (long s = 0; s < 2000; s++) for (Point p : NonImplausibleSelection.select(pool, 10, s)) hits[p.index()]++;
        for (int h : hits) assertEquals(400, h, 80);
    }

    @Test
    void samplerSkipsTheZeroPointAndScreensByNeighbours() {
        WaveSampler s = new WaveSampler(2, 2, 0.1);
        double[] first = s.first(1).get(0);
        assertFalse(first[0] == 0 && first[1] == 0, "the all-zero Sobol point is skipped");
        assertArrayEquals(new double[] {0.5, 0.5}, first, "the next Sobol point is the centre");
        WaveSampler.Box box = WaveSampler.boundingBox(List.of(new double[] {0.2, 0.5}, new double[] {0.4, 0.95}), 0.5, 0);
        assertArrayEquals(new double[] {0.1, 0.275}, box.lower(), 1e-12);
        assertArrayEquals(new double[] {0.5, 1.0}, box.upper(), 1e-12, "clipped to the cube");
        WaveSampler.Box one = WaveSampler.boundingBox(List.<double[]>of(new double[] {0.3, 0.5}), 0.5, 0.05);
        assertArrayEquals(new double[] {0.25, 0.45}, one.lower(), 1e-12, "one survivor: the floor keeps the box open");
        assertArrayEquals(new double[] {0.35, 0.55}, one.upper(), 1e-12);
        List<Point> evaluated = List.of(pt(0.1, 5), pt(0.2, 5), pt(0.3, 1), pt(0.8, 5), pt(0.9, 5));
        assertFalse(s.notRuledOut(new double[] {0.0, 0}, evaluated, 3), "both nearest (0.1, 0.2) ruled out");
        assertTrue(s.notRuledOut(new double[] {0.22, 0}, evaluated, 3), "nearest two are 0.2 and 0.3; 0.3 survived");
        assertFalse(s.notRuledOut(new double[] {1.0, 0}, evaluated, 3), "nearest two are 0.9 and 0.8, both ruled out");
        assertTrue(s.notRuledOut(new double[] {0.55, 0}, evaluated, 3), "nearest two are 0.3 and 0.8: one survived");
    }

    private static Point pt(double x, double summary) {
        return new Point(new double[] {x, 0}, new double[0], new double[0], new double[0], summary, 1, 0);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / (v.length - 1));
    }

    static double min(double[] v) { return java.util.Arrays.stream(v).min().orElseThrow(); }

    static double max(double[] v) { return java.util.Arrays.stream(v).max().orElseThrow(); }
}
