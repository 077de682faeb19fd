package org.accords.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.accords.experiment.Calibrator;
import org.accords.experiment.calibration.HistoryMatching;
import org.accords.experiment.calibration.Implausibility;
import org.accords.experiment.calibration.ModelSimulator;
import org.accords.experiment.calibration.NonImplausibleSelection;
import org.accords.experiment.calibration.Point;
import org.accords.experiment.Shard;
import org.accords.report.EnsembleReport;
import org.accords.report.RunFolderIO;
import org.accords.report.RunReport;
import org.accords.report.ShardFolders;
import org.accords.report.WaveFiles;
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

    /** The history-matching settings of the command, checked. */
    static HistoryMatching.Settings settings(CalibrateCommand c, int threads) {
        if (c.ensemble < 1) throw new BadInputException(null, "--ensemble", "must be a positive whole number, found " + c.ensemble);
        if (c.waves < 1) throw new BadInputException(null, "--waves", "must be a positive whole number, found " + c.waves);
        if (c.points < 1) throw new BadInputException(null, "--points", "must be a positive whole number, found " + c.points);
        Implausibility.Rule rule = switch (c.rule) {
            case "max" -> Implausibility.Rule.MAX;
            case "second-max" -> Implausibility.Rule.SECOND_MAX;
            case "k-max" -> Implausibility.Rule.K_MAX;
            default -> throw new BadInputException(null, "--rule", "expected max, second-max or k-max, found '" + c.rule + "'");
        };
        return new HistoryMatching.Settings(c.waves, c.points, CUTOFF, rule, NEIGHBOURS, MARGIN, CANDIDATES, threads);
    }

    /** The --scenario on record: the one the command was given (a Slurm task reads a frozen copy). */
    private static String scenarioLabel(CalibrateCommand c) {
        return c.recordScenario != null ? c.recordScenario : c.scenario;
    }

    /** What waves made by this command record, and what a continuation must match. */
    private static WaveFiles.Matching matching(CalibrateCommand c, Scenario history, YearMonth cutoff, int reps, ModelSimulator sim) throws IOException {
        String input = WaveFiles.sha256(RunFolderIO.resolvedYaml(history).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(history.rosterFile()));
        return new WaveFiles.Matching("accords-sim", Version.get(), scenarioLabel(c), input, cutoff.toString(), reps, c.waves, c.points, c.rule, c.seed,
                ModelSimulator.dimension(), sim.targets().targets().size(), 0, null);
    }

    /** The earlier waves' points from --after (none without it), checked to come from a match with these settings; also returns their last wave. */
    private record Earlier(List<Point> points, int waves) {}

    private static Earlier earlier(CalibrateCommand c, WaveFiles.Matching mine) {
        if (c.after == null) return new Earlier(List.of(), 0);
        Path dir = c.after;
        if (!Files.isDirectory(dir)) throw new BadInputException(null, "--after", "no such folder " + dir);
        if (Files.exists(dir.resolve(ShardFolders.MANIFEST))) {
            throw new BadInputException(null, "--after", dir + " is one shard of a wave; merge the wave's shards first (accords merge SHARD_DIR... --out DIR)");
        }
        WaveFiles.Matching theirs = WaveFiles.readMatching(dir);
        String diff = theirs.differenceFrom(mine);
        if (diff != null) throw new BadInputException(null, "--after", dir + " holds waves of another history match: it was made with " + diff);
        return new Earlier(WaveFiles.readPoints(dir.resolve(WaveFiles.POINTS), mine.dimension(), mine.targets()), theirs.wave());
    }

    /**
     * {@code calibrate --ensemble K --wave W [--shard K/N] [--after DIR]}: one shard of one wave into its
     * own folder, for {@code merge} to join; the earlier waves come from --after.
     */
    static int wave(CalibrateCommand c, Scenario history, YearMonth cutoff, int reps, int threads) throws IOException {
        HistoryMatching.Settings settings = settings(c, threads);
        int w = c.wave;
        if (w < 1 || w > c.waves) throw new BadInputException(null, "--wave", "must be 1 to " + c.waves + " (--waves), found " + w);
        if (c.out != null || c.page != null) {
            throw new BadInputException(null, c.out != null ? "--out" : "--page", "a wave writes only its wave folder (--wave-dir); the ensemble and its page are written"
                    + " when the match is finished: calibrate --ensemble K ... --after DIR");
        }
        if (w == 1 && c.after != null) throw new BadInputException(null, "--after", "wave 1 starts from nothing: drop --after");
        if (w > 1 && c.after == null) throw new BadInputException(null, "--wave", "wave " + w + " needs the merged waves 1.." + (w - 1) + ": give --after DIR");
        Shard shard = c.shard == null ? Shard.WHOLE : c.shard;
        ModelSimulator simulator = new ModelSimulator(history, cutoff, reps, c.seed);
        WaveFiles.Matching mine = matching(c, history, cutoff, reps, simulator);
        Earlier earlier = earlier(c, mine);
        if (earlier.waves() != w - 1) {
            throw new BadInputException(null, "--after", c.after + " holds waves 1.." + earlier.waves() + "; wave " + w + " needs waves 1.." + (w - 1));
        }
        String name = "ensemble-until-" + cutoff + "-wave-" + w;
        Path out = (c.waveDir != null ? c.waveDir : Main.home().resolve("results").resolve(ShardOption.folderName(name, shard))).toAbsolutePath().normalize();
        String afterDigest = c.after == null ? null : WaveFiles.sha256(c.after.resolve(WaveFiles.POINTS));
        PrintWriter err = c.spec.commandLine().getErr();
        boolean live = ProgressBar.wanted(c.output.quiet);
        Instant started = Instant.now();
        HistoryMatching.WaveShard done = Jobs.intoFolder(out, c.force, (dir, cancel) -> {
            HistoryMatching.WaveShard s;
            try {
                s = new HistoryMatching(settings).shard(simulator, simulator.targets().targets(), ModelSimulator.dimension(), earlier.points(), w, shard,
                        p -> progress(live, err, p), cancel);
            } catch (HistoryMatching.Mismatch e) {
                throw new BadInputException(null, "--after", c.after + ": not the waves of this history match (" + e.getMessage() + ")");
            }
            if (live) err.println();
            if (s == null) {
                throw new BadInputException(null, "--wave", "no point of waves 1.." + (w - 1) + " survived, so wave " + w + " has nothing to sample;"
                        + " the match ended there and found no set to keep");
            }
            RunReport.writeResolvedScenario(history, dir);
            WaveFiles.writeMatching(dir, mine.withWave(w, afterDigest));
            WaveFiles.writePoints(dir.resolve(WaveFiles.POINTS), mine.dimension(), mine.targets(), s.points());
            ShardFolders.writeManifest(dir, KIND, Version.get(), name, c.seed, "points", s.total(), shard, s.points().size(), threads, started,
                    c.after);
            return s;
        });
        if (!c.output.quiet) {
            long kept = done.points().stream().filter(p -> p.nonImplausible(CUTOFF)).count();
            PrintWriter o = c.spec.commandLine().getOut();
            o.printf(Locale.ROOT, "history matching wave %d, shard %s: %,d of the wave's %,d points, %,d not ruled out%nshard: %s%n", w, shard,
                    done.points().size(), done.total(), kept, out);
            o.flush();
        }
        return Main.OK;
    }

    /** The kind of a wave shard's shard.json. */
    static final String KIND = "calibration-wave";

    private static void progress(boolean live, PrintWriter err, HistoryMatching.Progress p) {
        if (live && (p.done() % 25 == 0 || p.done() == p.total())) {
            synchronized (err) {
                err.printf(Locale.ROOT, "\rcalibrate: wave %d, point %d/%d   ", p.wave(), p.done(), p.total());
                err.flush();
            }
        }
    }

    static int run(CalibrateCommand c, Scenario history, YearMonth cutoff, int reps, int threads, Path target) throws IOException {
        HistoryMatching.Settings settings = settings(c, threads);
        Implausibility.Rule rule = settings.rule();
        Path page = c.page != null ? c.page : Main.home().resolve("results").resolve("ensemble-until-" + cutoff);
        String label = scenarioLabel(c);
        String command = String.format(Locale.ROOT, "./accords calibrate --ensemble %d --until %s --waves %d --points %d --reps %d --rule %s --seed %d%s",
                c.ensemble, cutoff, c.waves, c.points, reps, c.rule, c.seed, label.equals("history") ? "" : " --scenario " + label);
        PrintWriter err = c.spec.commandLine().getErr();
        boolean show = !c.output.quiet;
        List<String> keys = Calibrator.SPACE.keys();
        ModelSimulator checkSim = c.after == null ? null : new ModelSimulator(history, cutoff, reps, c.seed);
        Earlier earlier = checkSim == null ? new Earlier(List.of(), 0) : earlier(c, matching(c, history, cutoff, reps, checkSim));
        long started = System.nanoTime();
        Object[] outcome = Jobs.intoFolder(page, c.force, (dir, cancel) -> {
            ModelSimulator simulator = checkSim != null ? checkSim : new ModelSimulator(history, cutoff, reps, c.seed);
            boolean live = ProgressBar.wanted(c.output.quiet);
            HistoryMatching.Result r;
            try {
                r = new HistoryMatching(settings).resume(simulator, simulator.targets().targets(), ModelSimulator.dimension(), earlier.points(),
                        p -> progress(live, err, p), cancel);
            } catch (HistoryMatching.Mismatch e) {
                throw new BadInputException(null, "--after", c.after + ": not the waves of this history match (" + e.getMessage() + ")");
            }
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
