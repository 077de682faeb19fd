package org.accords.experiment.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * The Patient Rule Induction Method (Friedman and Fisher 1999) for scenario discovery, following
 * the EMA Workbench's {@code prim.py} (Kwakkel; BSD-3-Clause licence, (c) 2011-2024 the EMA
 * Workbench developers; algorithm re-implemented from its description, no code copied): peel off
 * the alpha-quantile slice of one factor, at either end, that raises the density of cases in the
 * box most, until the box holds less than the minimum mass; the peeling trajectory is the
 * coverage-density trade-off. A chosen box is then pasted (its limits widened again where that
 * raises the density), and each restriction gets a quasi-p value: a one-sided binomial test of
 * the box's cases against the density of the box without that restriction (Bryant and Lempert
 * 2010). A pure function of a design (points x factors) and a binary case of interest.
 */
public final class Prim {
    /**
     * One box of the trajectory.
     *
     * @param lower    per factor, the lower limit (the factor's minimum when unrestricted)
     * @param upper    per factor, the upper limit
     * @param coverage share of all cases that are in the box
     * @param density  share of the points in the box that are cases
     * @param mass     share of all points that are in the box
     */
    public record Box(double[] lower, double[] upper, double coverage, double density, double mass, int points, int cases) {
        public boolean restricts(int factor, double[] min, double[] max) {
            return lower[factor] > min[factor] || upper[factor] < max[factor];
        }

        public int restrictedCount(double[] min, double[] max) {
            int n = 0;
            for (int j = 0; j < lower.length; j++) if (restricts(j, min, max)) n++;
            return n;
        }
    }

    /** The peeling trajectory and the factors' full ranges. */
    public record Result(List<Box> trajectory, double[] min, double[] max, int cases, int points) {}

    private final double[][] x;
    private final boolean[] y;
    private final double alpha;
    private final double minMass;
    private final double pasteAlpha;

    /**
     * @param x        points x factors (numeric factor values)
     * @param y        whether each point is a case of interest
     * @param alpha    share of the box's points peeled off per step (the EMA Workbench uses 0.05)
     * @param minMass  peeling stops before the box holds less than this share of all points
     */
    public Prim(double[][] x, boolean[] y, double alpha, double minMass) {
        if (x.length != y.length || x.length == 0) throw new IllegalArgumentException("one case flag per point, at least one point");
        if (!(alpha > 0 && alpha < 0.5) || !(minMass > 0 && minMass < 1)) throw new IllegalArgumentException("alpha in (0, 0.5), minimum mass in (0, 1)");
        this.x = x;
        this.y = y;
        this.alpha = alpha;
        this.minMass = minMass;
        this.pasteAlpha = alpha;
    }

    public Result peel() {
        int d = x[0].length;
        double[] min = new double[d];
        double[] max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        int totalCases = 0;
        for (boolean c : y) if (c) totalCases++;
        List<Box> trajectory = new ArrayList<>();
        Box box = box(min.clone(), max.clone(), totalCases);
        trajectory.add(box);
        while (true) {
            Box next = bestPeel(box, totalCases);
            if (next == null || next.mass() < minMass) break;
            box = next;
            trajectory.add(box);
        }
        return new Result(trajectory, min, max, totalCases, x.length);
    }

    /** The peel that leaves the highest density (ties: the larger box), or null when nothing can be peeled. */
    private Box bestPeel(Box box, int totalCases) {
        int d = box.lower().length;
        Box best = null;
        int[] inside = indices(box.lower(), box.upper());
        for (int j = 0; j < d; j++) {
            double[] values = new double[inside.length];
            for (int i = 0; i < inside.length; i++) values[i] = x[inside[i]][j];
            Arrays.sort(values);
            double low = quantile(values, alpha);
            double high = quantile(values, 1 - alpha);
            // peel the lower slice: keep x >= low (only if that removes points)
            if (low > values[0]) {
                double[] lo = box.lower().clone();
                lo[j] = low;
                best = better(best, box(lo, box.upper().clone(), totalCases));
            }
            if (high < values[values.length - 1]) {
                double[] hi = box.upper().clone();
                hi[j] = high;
                best = better(best, box(box.lower().clone(), hi, totalCases));
            }
        }
        return best;
    }

    private static Box better(Box a, Box b) {
        if (b.points() == 0) return a;
        if (a == null) return b;
        if (b.density() > a.density()) return b;
        if (b.density() == a.density() && b.points() > a.points()) return b;
        return a;
    }

    /**
     * Widens the box's limits again, one slice of alpha times its points at a time, while that
     * raises its density (the peeling is greedy; pasting undoes peels that turned out too eager).
     */
    public Box paste(Box box, double[] min, double[] max, int totalCases) {
        while (true) {
            Box best = null;
            int d = box.lower().length;
            int step = Math.max(1, (int) Math.ceil(pasteAlpha * box.points()));
            for (int j = 0; j < d; j++) {
                for (int side = 0; side < 2; side++) {
                    double[] lo = box.lower().clone();
                    double[] hi = box.upper().clone();
                    // points outside the box in factor j only, on this side, nearest first
                    List<Double> candidates = new ArrayList<>();
                    for (double[] row : x) {
                        if (!insideExcept(row, lo, hi, j)) continue;
                        if (side == 0 && row[j] < lo[j]) candidates.add(row[j]);
                        if (side == 1 && row[j] > hi[j]) candidates.add(row[j]);
                    }
                    if (candidates.isEmpty()) continue;
                    candidates.sort(side == 0 ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
                    double limit = candidates.get(Math.min(step, candidates.size()) - 1);
                    if (side == 0) lo[j] = limit;
                    else hi[j] = limit;
                    Box b = box(lo, hi, totalCases);
                    if (b.density() > box.density() && (best == null || b.density() > best.density())) best = b;
                }
            }
            if (best == null) return box;
            box = best;
        }
    }

    /**
     * Quasi-p value of each restricted factor: the one-sided binomial probability of at least the
     * box's cases among its points if its density were that of the box without this restriction.
     * NaN for unrestricted factors.
     */
    public double[] quasiP(Box box, double[] min, double[] max) {
        int d = box.lower().length;
        double[] p = new double[d];
        BinomialTest test = new BinomialTest();
        for (int j = 0; j < d; j++) {
            if (!box.restricts(j, min, max)) {
                p[j] = Double.NaN;
                continue;
            }
            double[] lo = box.lower().clone();
            double[] hi = box.upper().clone();
            lo[j] = min[j];
            hi[j] = max[j];
            int[] wider = indices(lo, hi);
            int cases = 0;
            for (int i : wider) if (y[i]) cases++;
            double density = cases / (double) wider.length;
            p[j] = density >= 1 ? 1.0 : density <= 0 ? 0.0
                    : test.binomialTest(box.points(), box.cases(), density, AlternativeHypothesis.GREATER_THAN);
            if (p[j] == 0 && density < 1) {
                // BinomialTest takes 1 - P(X < k), which cancels to 0 far in the tail: sum the tail's terms instead
                org.apache.commons.math3.distribution.BinomialDistribution b =
                        new org.apache.commons.math3.distribution.BinomialDistribution(null, box.points(), density);
                double tail = 0;
                for (int k = box.cases(); k <= box.points(); k++) tail += b.probability(k);
                p[j] = tail;
            }
        }
        return p;
    }

    private Box box(double[] lower, double[] upper, int totalCases) {
        int[] in = indices(lower, upper);
        int cases = 0;
        for (int i : in) if (y[i]) cases++;
        double coverage = totalCases == 0 ? 0 : cases / (double) totalCases;
        double density = in.length == 0 ? 0 : cases / (double) in.length;
        return new Box(lower, upper, coverage, density, in.length / (double) x.length, in.length, cases);
    }

    private int[] indices(double[] lower, double[] upper) {
        int n = 0;
        int[] tmp = new int[x.length];
        for (int i = 0; i < x.length; i++) if (inside(x[i], lower, upper)) tmp[n++] = i;
        return Arrays.copyOf(tmp, n);
    }

    private static boolean inside(double[] row, double[] lo, double[] hi) {
        for (int j = 0; j < row.length; j++) if (row[j] < lo[j] || row[j] > hi[j]) return false;
        return true;
    }

    private static boolean insideExcept(double[] row, double[] lo, double[] hi, int except) {
        for (int j = 0; j < row.length; j++) if (j != except && (row[j] < lo[j] || row[j] > hi[j])) return false;
        return true;
    }

    /** Linear interpolation between order statistics (type 7: the R, NumPy and SALib default), by commons-math3. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return new org.apache.commons.math3.stat.descriptive.rank.Percentile()
                .withEstimationType(org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType.R_7)
                .evaluate(sorted, 100 * q);
    }
}
