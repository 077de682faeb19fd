package org.accords.experiment.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Chooses the K parameter sets of an ensemble from the points not ruled out. The sets should
 * represent the whole non-implausible region, not its best corner, so they are drawn uniformly
 * without replacement (seeded), never ranked by fit: a ranked choice would shrink the ensemble
 * towards the point fit and hide what history leaves open.
 */
public final class NonImplausibleSelection {
    private NonImplausibleSelection() {}

    /** The non-implausible points, in evaluation order. */
    public static List<Point> pool(List<Point> evaluated, double cutoff) {
        List<Point> pool = new ArrayList<>();
        for (Point p : evaluated) if (p.nonImplausible(cutoff)) pool.add(p);
        return pool;
    }

    /**
     * Up to {@code k} points drawn uniformly without replacement from {@code pool} (all of them
     * if there are no more than k), returned in evaluation order.
     */
    public static List<Point> select(List<Point> pool, int k, long seed) {
        if (k < 1) throw new IllegalArgumentException("k must be positive");
        List<Point> shuffled = new ArrayList<>(pool);
        MersenneTwister random = new MersenneTwister(seed);
        // Fisher-Yates, stopped after the first k places
        int n = Math.min(k, shuffled.size());
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(shuffled.size() - i);
            Point t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        List<Point> chosen = new ArrayList<>(shuffled.subList(0, n));
        chosen.sort(Comparator.comparingInt(Point::index));
        return chosen;
    }
}
