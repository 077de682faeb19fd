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

    private final Settings settings;

    public HistoryMatching(Settings settings) {
        this.settings = settings;
    }

    public Result run(Simulator simulator, List<Implausibility.Target> targets, int dimension, Consumer<Progress> progress, AtomicBoolean cancel) {
        WaveSampler sampler = new WaveSampler(dimension, settings.neighbours(), settings.margin());
        List<Point> all = new ArrayList<>();
        List<WaveSummary> waves = new ArrayList<>();
        for (int w = 1; w <= settings.waves(); w++) {
            WaveSampler.Box box;
            List<double[]> xs;
            if (w == 1) {
                double[] lo = new double[dimension];
                double[] hi = new double[dimension];
                java.util.Arrays.fill(hi, 1);
                box = new WaveSampler.Box(lo, hi);
                xs = sampler.first(settings.pointsPerWave());
            } else {
                List<double[]> survivors = new ArrayList<>();
                for (Point p : all) if (p.nonImplausible(settings.cutoff())) survivors.add(p.x());
                if (survivors.isEmpty()) break; // everything ruled out: nothing left to refine
                box = WaveSampler.boundingBox(survivors, settings.margin(), WaveSampler.FLOOR);
                xs = sampler.next(all, settings.cutoff(), settings.pointsPerWave(), settings.maxCandidates() * settings.pointsPerWave());
            }
            List<Point> wave = evaluate(simulator, targets, xs, w, all.size(), progress, cancel);
            all.addAll(wave);
            int kept = NonImplausibleSelection.pool(wave, settings.cutoff()).size();
            waves.add(new WaveSummary(w, wave.size(), kept, box));
        }
        return new Result(List.copyOf(targets), List.copyOf(all), List.copyOf(waves), settings);
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

    private List<Point> evaluate(Simulator simulator, List<Implausibility.Target> targets, List<double[]> xs, int wave, int firstIndex,
                                 Consumer<Progress> progress, AtomicBoolean cancel) {
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
                        out[i] = point(targets, xs.get(i), simulator.run(xs.get(i)), wave, firstIndex + i);
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
