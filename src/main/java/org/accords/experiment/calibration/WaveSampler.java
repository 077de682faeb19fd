package org.accords.experiment.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Where each wave of a history match samples, in the unit cube of the parameter space.
 *
 * <p>Wave 1 takes the first points of a Sobol sequence over the whole cube (commons-math3; its
 * first point, all zeros, is skipped). A later wave samples the space not yet ruled out: Sobol
 * points inside the bounding box of the points that survived so far, widened by a margin so that
 * the box does not clip the region, each kept only if the earlier waves do not rule it out. With
 * no emulator, the earlier waves judge a candidate by its nearest evaluated neighbours: it is ruled
 * out when all of its {@code neighbours} nearest evaluated points were ruled out. This nearest-
 * neighbour screen errs on the side of keeping points: it only spends evaluations, while a wrongly
 * rejected point would be a hole in the ensemble. Every later wave's points are evaluated by the
 * model itself; the screen never decides which sets enter the ensemble.
 */
public final class WaveSampler {
    /** Least widening of the survivors' box on each side, in unit-cube units. */
    public static final double FLOOR = 0.05;
    private final int dimension;
    private final int neighbours;
    private final double margin;
    private final SobolSequenceGenerator sobol;

    /**
     * @param neighbours evaluated points consulted per candidate (k of the nearest-neighbour screen)
     * @param margin     share of the survivors' box side added on each side of it
     */
    public WaveSampler(int dimension, int neighbours, double margin) {
        if (dimension < 1 || neighbours < 1 || margin < 0) throw new IllegalArgumentException("bad sampler settings");
        this.dimension = dimension;
        this.neighbours = neighbours;
        this.margin = margin;
        this.sobol = new SobolSequenceGenerator(dimension);
        sobol.nextVector(); // the all-zero first point: a corner, and the same for every dimension
    }

    /** The first wave: the next {@code n} Sobol points over the whole cube. */
    public List<double[]> first(int n) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < n; i++) points.add(sobol.nextVector());
        return points;
    }

    /** An axis-aligned box in the unit cube. */
    public record Box(double[] lower, double[] upper) {
        public boolean contains(double[] x) {
            for (int d = 0; d < x.length; d++) if (x[d] < lower[d] || x[d] > upper[d]) return false;
            return true;
        }

        /** The point of the box at unit-cube coordinates u. */
        double[] map(double[] u) {
            double[] x = new double[u.length];
            for (int d = 0; d < u.length; d++) x[d] = lower[d] + u[d] * (upper[d] - lower[d]);
            return x;
        }
    }

    /**
     * The bounding box of the points, widened on each side by {@code margin} of its side but at
     * least {@code floor} (so that a few survivors do not give a degenerate box), clipped to the cube.
     */
    public static Box boundingBox(List<double[]> points, double margin, double floor) {
        int dim = points.get(0).length;
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] p : points) {
            for (int d = 0; d < dim; d++) {
                lo[d] = Math.min(lo[d], p[d]);
                hi[d] = Math.max(hi[d], p[d]);
            }
        }
        for (int d = 0; d < dim; d++) {
            double widen = Math.max(floor, margin * (hi[d] - lo[d]));
            lo[d] = Math.max(0, lo[d] - widen);
            hi[d] = Math.min(1, hi[d] + widen);
        }
        return new Box(lo, hi);
    }

    /** True unless all of the candidate's nearest evaluated points were ruled out. */
    public boolean notRuledOut(double[] candidate, List<Point> evaluated, double cutoff) {
        int k = Math.min(neighbours, evaluated.size());
        double[] bestDistance = new double[k];
        double[] bestSummary = new double[k];
        Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
        for (Point p : evaluated) {
            double dist = 0;
            for (int d = 0; d < dimension; d++) {
                double diff = p.x()[d] - candidate[d];
                dist += diff * diff;
            }
            if (dist >= bestDistance[k - 1]) continue;
            int at = k - 1;
            while (at > 0 && bestDistance[at - 1] > dist) {
                bestDistance[at] = bestDistance[at - 1];
                bestSummary[at] = bestSummary[at - 1];
                at--;
            }
            bestDistance[at] = dist;
            bestSummary[at] = p.summary();
        }
        for (int i = 0; i < k; i++) if (bestSummary[i] <= cutoff) return true;
        return false;
    }

    /**
     * A later wave: up to {@code n} points in the survivors' widened box that the screen keeps,
     * from at most {@code maxCandidates} Sobol candidates. Empty if nothing survived.
     */
    public List<double[]> next(List<Point> evaluated, double cutoff, int n, int maxCandidates) {
        List<double[]> survivors = new ArrayList<>();
        for (Point p : evaluated) if (p.nonImplausible(cutoff)) survivors.add(p.x());
        List<double[]> points = new ArrayList<>();
        if (survivors.isEmpty()) return points;
        Box box = boundingBox(survivors, margin, FLOOR);
        for (int c = 0; c < maxCandidates && points.size() < n; c++) {
            double[] x = box.map(sobol.nextVector());
            if (notRuledOut(x, evaluated, cutoff)) points.add(x);
        }
        return points;
    }

    public int dimension() { return dimension; }
}
