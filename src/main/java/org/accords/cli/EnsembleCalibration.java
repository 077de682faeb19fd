package org.accords.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.accords.experiment.Calibrator;
import org.accords.experiment.calibration.HistoryMatching;
import org.accords.experiment.calibration.Implausibility;
import org.accords.experiment.calibration.ModelSimulator;
import org.accords.experiment.calibration.NonImplausibleSelection;
import org.accords.experiment.calibration.Point;
import org.accords.report.EnsembleReport;
import org.accords.report.Num;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Scenario;

/** {@code calibrate --ensemble K}: history matching in waves, the ensemble file and its page. */
final class EnsembleCalibration {
    /** Nearest evaluated points the screen of a later wave consults. */
    static final int NEIGHBOURS = 3;
    /** Widening of the survivors' box per side, as a share of its side. */
    static final double MARGIN = 0.15;
    /** Sobol candidates tried per point wanted in a later wave. */
    static final int CANDIDATES = 20;
    static final double CUTOFF = 3.0;

    private EnsembleCalibration() {}

    /**
     * The targets that rule out the most points (I above the cutoff), with the share of points and
     * the median of the points' mean output against the observed value: what to look at when
     * history rules out everything.
     */
    static String mostRulingOut(HistoryMatching.Result r, double cutoff) {
        List<Implausibility.Target> targets = r.targets();
        int n = r.points().size();
        Integer[] order = new Integer[targets.size()];
        int[] over = new int[targets.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            for (Point p : r.points()) if (p.implausibility()[i] > cutoff) over[i]++;
        }
        java.util.Arrays.sort(order, (a, b) -> over[b] != over[a] ? Integer.compare(over[b], over[a]) : Integer.compare(a, b));
        StringBuilder b = new StringBuilder("targets with I > " + Num.fmt(cutoff, 1) + " in most points:");
        for (int k = 0; k < Math.min(3, order.length); k++) {
            int i = order[k];
            double[] means = r.points().stream().mapToDouble(p -> p.mean()[i]).sorted().toArray();
            b.append(k == 0 ? " " : "; ").append(String.format(Locale.ROOT, "'%s' in %.0f%% (observed %s, model median %s)", targets.get(i).name(),
                    100.0 * over[i] / n, Num.fmt(targets.get(i).observed(), 2), Num.fmt(means[means.length / 2], 2)));
        }
        return b.toString();
    }

    static int run(CalibrateCommand c, Scenario history, YearMonth cutoff, int reps, int threads, Path target) throws IOException {
        if (c.ensemble < 1) throw new BadInputException(null, "--ensemble", "must be a positive whole number, found " + c.ensemble);
        if (c.waves < 1) throw new BadInputException(null, "--waves", "must be a positive whole number, found " + c.waves);
        if (c.points < 1) throw new BadInputException(null, "--points", "must be a positive whole number, found " + c.points);
        Implausibility.Rule rule = switch (c.rule) {
            case "max" -> Implausibility.Rule.MAX;
            case "second-max" -> Implausibility.Rule.SECOND_MAX;
            case "k-max" -> Implausibility.Rule.K_MAX;
            default -> throw new BadInputException(null, "--rule", "expected max, second-max or k-max, found '" + c.rule + "'");
        };
        Path page = c.page != null ? c.page : Main.home().resolve("results").resolve("ensemble-until-" + cutoff);
        String command = String.format(Locale.ROOT, "./accords calibrate --ensemble %d --until %s --waves %d --points %d --reps %d --rule %s --seed %d%s",
                c.ensemble, cutoff, c.waves, c.points, reps, c.rule, c.seed, c.scenario.equals("history") ? "" : " --scenario " + c.scenario);
        PrintWriter err = c.spec.commandLine().getErr();
        boolean show = !c.quiet;
        List<String> keys = Calibrator.SPACE.keys();
        HistoryMatching.Settings settings = new HistoryMatching.Settings(c.waves, c.points, CUTOFF, rule, NEIGHBOURS, MARGIN, CANDIDATES, threads);
        long started = System.nanoTime();
        Object[] outcome = Jobs.intoFolder(page, c.force, (dir, cancel) -> {
            ModelSimulator simulator = new ModelSimulator(history, cutoff, reps, c.seed);
            boolean live = ProgressBar.wanted(c.quiet);
            HistoryMatching.Result r = new HistoryMatching(settings).run(simulator, simulator.targets().targets(), ModelSimulator.dimension(), p -> {
                if (live && (p.done() % 25 == 0 || p.done() == p.total())) {
                    synchronized (err) {
                        err.printf(Locale.ROOT, "\rcalibrate: wave %d, point %d/%d   ", p.wave(), p.done(), p.total());
                        err.flush();
                    }
                }
            }, cancel);
            if (live) err.println();
            List<Point> pool = r.nonImplausible();
            if (pool.isEmpty()) {
                throw new BadInputException(null, "--ensemble", "history matching ruled out every one of the " + r.points().size()
                        + " points evaluated (" + mostRulingOut(r, CUTOFF) + "); nothing written (try more --points or --waves)");
            }
            List<Point> sets = NonImplausibleSelection.select(pool, c.ensemble, c.seed);
            EnsembleReport.writePage(r, sets, keys, command, target, dir, Version.get());
            org.accords.report.ResultFolder.replaceFile(target, EnsembleReport.fragment(r, sets, keys, command));
            return new Object[] {r, sets};
        });
        HistoryMatching.Result r = (HistoryMatching.Result) outcome[0];
        @SuppressWarnings("unchecked")
        List<Point> sets = (List<Point>) outcome[1];
        if (show) {
            PrintWriter o = c.spec.commandLine().getOut();
            o.printf(Locale.ROOT, "history matching (%s implausibility <= %s) on %d targets from the observed record up to %s:%n",
                    rule.describe(r.targets().size()), Num.fmt(CUTOFF, 1), r.targets().size(), cutoff);
            for (var w : r.waves()) {
                o.printf(Locale.ROOT, "  wave %d: %,d points, %,d not ruled out (%.1f%%)%n", w.wave(), w.evaluated(), w.nonImplausible(), 100 * w.acceptance());
            }
            if (sets.size() < c.ensemble) {
                o.printf(Locale.ROOT, "warning: only %d points survived; the ensemble has %d sets, not %d (more --points or --waves find more)%n",
                        sets.size(), sets.size(), c.ensemble);
            }
            o.printf(Locale.ROOT, "%d parameter sets drawn from %,d non-implausible points (%s; %.0f s)%n", sets.size(), r.nonImplausible().size(),
                    command, (System.nanoTime() - started) / 1e9);
            o.println("written: " + target);
            o.println("page: " + page.toAbsolutePath().normalize().resolve("index.html"));
        }
        return Main.OK;
    }
}
