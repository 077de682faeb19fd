package org.accords.experiment.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * History matching in waves: evaluate points, rule out those whose summary implausibility exceeds
 * the cutoff, and let the next wave sample only the space not yet ruled out ({@link WaveSampler}).
 * The model sits behind {@link Simulator}, so the method is tested on analytic toys.
 */
public final class HistoryMatching {

    /** A stochastic model's output per target at a point of the unit cube; must be safe to call from several threads. */
    public interface Simulator {
        Output run(double[] x);
    }

    /** Per target: mean and run-to-run variance over the point's replications. */
    public record Output(double[] mean, double[] runVariance, int replications) {}

    /**
     * @param cutoff        points whose summary implausibility exceeds it are ruled out (3, Pukelsheim's three-sigma rule)
     * @param neighbours    k of the nearest-neighbour screen of later waves
     * @param margin        widening of the survivors' box, as a share of its side
     * @param maxCandidates per later wave, Sobol candidates tried per point wanted
     */
    public record Settings(int waves, int pointsPerWave, double cutoff, Implausibility.Rule rule, int neighbours, double margin,
                           int maxCandidates, int threads) {
        public Settings {
            if (waves < 1 || pointsPerWave < 1 || threads < 1 || maxCandidates < 1) throw new IllegalArgumentException("bad settings");
        }
    }

    public record WaveSummary(int wave, int evaluated, int nonImplausible, WaveSampler.Box box) {
        public double acceptance() { return evaluated == 0 ? 0 : nonImplausible / (double) evaluated; }
    }

    public record Progress(int wave, int done, int total) {}

    /** Every evaluated point of every wave, in evaluation order. */
    public record Result(List<Implausibility.Target> targets, List<Point> points, List<WaveSummary> waves, Settings settings) {
        public List<Point> nonImplausible() { return NonImplausibleSelection.pool(points, settings.cutoff()); }
    }

    /** Earlier points that are not the waves of a match with these settings. */
    public static final class Mismatch extends IllegalArgumentException {
        Mismatch(String message) {
            super(message);
        }
    }

    private final Settings settings;

    public HistoryMatching(Settings settings) {
        this.settings = settings;
    }

    public Result run(Simulator simulator, List<Implausibility.Target> targets, int dimension, Consumer<Progress> progress, AtomicBoolean cancel) {
        return resume(simulator, targets, dimension, List.of(), progress, cancel);
    }

    /** Where a wave samples: the box it draws from and its points (null when nothing survived the waves before). */
    private record Design(WaveSampler.Box box, List<double[]> xs) {}

    /** The walk through the waves: the sampler and every point so far, each wave designed from the waves before it. */
    private final class Walk {
        final WaveSampler sampler;
        final int dimension;
        final List<Point> all = new ArrayList<>();
        final List<WaveSummary> waves = new ArrayList<>();

        Walk(int dimension) {
            this.dimension = dimension;
            this.sampler = new WaveSampler(dimension, settings.neighbours(), settings.margin());
        }

        /** The design of wave w (the next one); null when no point so far survived. */
        Design design(int w) {
            if (w == 1) {
                double[] lo = new double[dimension];
                double[] hi = new double[dimension];
                java.util.Arrays.fill(hi, 1);
                return new Design(new WaveSampler.Box(lo, hi), sampler.first(settings.pointsPerWave()));
            }
            List<double[]> survivors = new ArrayList<>();
            for (Point p : all) if (p.nonImplausible(settings.cutoff())) survivors.add(p.x());
            if (survivors.isEmpty()) return null; // everything ruled out: nothing left to refine
            WaveSampler.Box box = WaveSampler.boundingBox(survivors, settings.margin(), WaveSampler.FLOOR);
            return new Design(box, sampler.next(all, settings.cutoff(), settings.pointsPerWave(), settings.maxCandidates() * settings.pointsPerWave()));
        }

        void add(int w, Design d, List<Point> wave) {
            all.addAll(wave);
            waves.add(new WaveSummary(w, wave.size(), NonImplausibleSelection.pool(wave, settings.cutoff()).size(), d.box()));
        }

        /**
         * Takes wave w's points from an earlier computation instead of evaluating them, after
         * checking that they are the points this walk designs (same settings, same earlier waves).
         */
        void replay(int w, Design d, List<Point> earlier) {
            List<Point> wave = new ArrayList<>();
            for (Point p : earlier) if (p.wave() == w) wave.add(p);
            if (wave.size() != d.xs().size()) {
                throw new Mismatch("wave " + w + " holds " + wave.size() + " points but these settings draw " + d.xs().size());
            }
            for (int i = 0; i < wave.size(); i++) {
                if (wave.get(i).index() != all.size() + i || !java.util.Arrays.equals(wave.get(i).x(), d.xs().get(i))) {
                    throw new Mismatch("wave " + w + ", point " + (all.size() + i) + " is not the point these settings draw");
                }
            }
            add(w, d, wave);
        }

        /** Replays the earlier points' waves, which must be 1..M complete, in evaluation order; returns M. */
        int replayAll(List<Point> earlier) {
            int given = earlier.isEmpty() ? 0 : earlier.get(earlier.size() - 1).wave();
            if (given > settings.waves()) throw new Mismatch("holds " + given + " waves, more than the " + settings.waves() + " asked for");
            if (earlier.size() != new java.util.HashSet<>(earlier.stream().map(Point::index).toList()).size()) {
                throw new Mismatch("a point appears twice");
            }
            for (int w = 1; w <= given; w++) {
                Design d = design(w);
                if (d == null) throw new Mismatch("wave " + w + " has points but nothing survived the waves before it");
                replay(w, d, earlier);
            }
            if (all.size() != earlier.size()) throw new Mismatch("points out of order or of unknown waves");
            return given;
        }
    }

    /**
     * Continues a history match from the evaluated points of its waves 1..M (as an earlier run or
     * merged wave shards left them, in evaluation order): the sampler is replayed over those waves,
     * their points are checked to be the ones it draws, and the remaining waves are evaluated. With
     * no earlier points this is the whole match; either way the result is the same, bit for bit.
     *
     * @throws Mismatch when the earlier points are not waves of a match with these settings
     */
    public Result resume(Simulator simulator, List<Implausibility.Target> targets, int dimension, List<Point> earlier,
                         Consumer<Progress> progress, AtomicBoolean cancel) {
        Walk walk = new Walk(dimension);
        int given = walk.replayAll(earlier);
        for (int w = given + 1; w <= settings.waves(); w++) {
            Design d = walk.design(w);
            if (d == null) break;
            walk.add(w, d, evaluate(simulator, targets, d.xs(), w, walk.all.size(), org.accords.experiment.Shard.WHOLE, progress, cancel));
        }
        return new Result(List.copyOf(targets), List.copyOf(walk.all), List.copyOf(walk.waves), settings);
    }

    /**
     * One shard's share of a wave.
     *
     * @param total  the wave's number of points, over all shards
     * @param points the shard's points (wave-local index i with i mod N = K), in order
     */
    public record WaveShard(int wave, int total, List<Point> points) {}

    /**
     * Evaluates only the points of wave {@code wave} that {@code shard} computes (wave-local
     * index i with i mod N = K), given every point of waves 1..wave-1. Null when no earlier
     * point survived: the match has ended, there is nothing to sample.
     *
     * @throws Mismatch when the earlier points are not waves 1..wave-1 of a match with these settings
     */
    public WaveShard shard(Simulator simulator, List<Implausibility.Target> targets, int dimension, List<Point> earlier, int wave,
                           org.accords.experiment.Shard shard, Consumer<Progress> progress, AtomicBoolean cancel) {
        if (wave < 1 || wave > settings.waves()) throw new IllegalArgumentException("wave " + wave + " is not one of 1.." + settings.waves());
        Walk walk = new Walk(dimension);
        int given = walk.replayAll(earlier);
        if (given != wave - 1) throw new Mismatch("holds waves 1.." + given + " but wave " + wave + " needs waves 1.." + (wave - 1));
        Design d = walk.design(wave);
        if (d == null) return null;
        return new WaveShard(wave, d.xs().size(), evaluate(simulator, targets, d.xs(), wave, walk.all.size(), shard, progress, cancel));
    }

    /** The implausibilities of one point from the simulator's output. */
    public Point point(List<Implausibility.Target> targets, double[] x, Output out, int wave, int index) {
        int n = targets.size();
        double[] variance = new double[n];
        double[] implausibility = new double[n];
        for (int i = 0; i < n; i++) {
            variance[i] = Implausibility.ensembleVariance(out.runVariance()[i], out.replications());
            implausibility[i] = Implausibility.of(targets.get(i), out.mean()[i], variance[i]);
        }
        return new Point(x, out.mean().clone(), variance, implausibility, settings.rule().summary(implausibility), wave, index);
    }

    private List<Point> evaluate(Simulator simulator, List<Implausibility.Target> targets, List<double[]> all, int wave, int firstIndex,
                                 org.accords.experiment.Shard shard, Consumer<Progress> progress, AtomicBoolean cancel) {
        List<double[]> xs = new ArrayList<>();
        for (int i = 0; i < shard.size(all.size()); i++) xs.add(all.get((int) shard.unit(i)));
        int workers = Math.max(1, Math.min(settings.threads(), xs.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "accords-history-match");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Point[] out = new Point[xs.size()];
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                parts.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < xs.size(); i = next.getAndIncrement()) {
                        if (cancel.get()) throw new CancellationException();
                        // each point's result depends on the point alone, so the order of work does not matter
                        out[i] = point(targets, xs.get(i), simulator.run(xs.get(i)), wave, firstIndex + (int) shard.unit(i));
                        progress.accept(new Progress(wave, done.incrementAndGet(), xs.size()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : parts) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(out);
    }
}
