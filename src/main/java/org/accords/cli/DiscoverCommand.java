package org.accords.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.accords.experiment.ExperimentReader;
import org.accords.experiment.ExperimentSpec;
import org.accords.experiment.Factor;
import org.accords.experiment.Outcome;
import org.accords.experiment.discovery.Discovery;
import org.accords.experiment.discovery.Prim;
import org.accords.report.DiscoveryReport;
import org.accords.report.Num;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "discover", mixinStandardHelpOptions = true,
        description = {"Scenario discovery (PRIM) over an experiment's points: which ranges of the factors make a case",
                "of interest (an outcome at or above a threshold) likely? Runs the experiment first, or resumes it, in",
                "results/<name>/, then writes results/<name>-discover-<outcome>/: the trade-off chart, the box limits",
                "(chart, table, boxes.csv), tradeoff.csv and index.html, and prints the answer."})
final class DiscoverCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "An experiment file, e.g. experiments/saudi-2028.yaml.")
    Path file;

    @Option(names = "--outcome", paramLabel = "NAME", description = "The outcome that defines the case (default: the file's first outcome).")
    String outcome;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5", description = "A point is a case when the outcome is at least T (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--below", description = "A point is a case when the outcome is at most the threshold instead.")
    boolean below;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "Share of the box peeled off per step (default: ${DEFAULT-VALUE}, as the EMA Workbench).")
    double alpha;

    @Option(names = "--min-mass", paramLabel = "M", defaultValue = "0.05", description = "Peeling stops before the box holds less than this share of the points (default: ${DEFAULT-VALUE}).")
    double minMass;

    @Option(names = "--coverage", paramLabel = "C", defaultValue = "0.8", description = "The chosen box is the densest that still covers this share of the cases (default: ${DEFAULT-VALUE}).")
    double coverage;

    @Option(names = "--subsamples", paramLabel = "K", defaultValue = "20", description = "Random halves of the points PRIM is rerun on to check which restrictions are stable (default: ${DEFAULT-VALUE}).")
    int subsamples;

    @Option(names = "--reps", paramLabel = "N", description = "Replications per point of the experiment (default: the file's).")
    Integer reps;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all ${sys:accords.cores} cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Discovery folder (default: results/<name>-discover-<outcome>).")
    Path out;

    @Option(names = "--force", description = "Replace an existing discovery folder.")
    boolean force;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(alpha > 0 && alpha < 0.5)) throw new BadInputException(null, "--alpha", "must be between 0 and 0.5 (exclusive), found " + alpha);
        if (!(minMass > 0 && minMass < 1)) throw new BadInputException(null, "--min-mass", "must be between 0 and 1 (exclusive), found " + minMass);
        if (!(coverage >= 0 && coverage <= 1)) throw new BadInputException(null, "--coverage", "must be between 0 and 1, found " + coverage);
        if (subsamples < 0 || subsamples > 1000) throw new BadInputException(null, "--subsamples", "must be between 0 and 1000, found " + subsamples);
        if (!Double.isFinite(threshold)) throw new BadInputException(null, "--threshold", "must be a finite number");
        ExperimentOptions eo = new ExperimentOptions();
        eo.reps = reps;
        eo.threads = threads;
        ExperimentReader.Loaded loaded = eo.load(file);
        ExperimentSpec es = loaded.spec();
        List<String> names = es.outcomes().stream().map(Outcome::name).toList();
        int o = outcome == null ? 0 : names.indexOf(outcome);
        if (o < 0) throw new BadInputException(null, "--outcome", "no outcome '" + outcome + "' in " + file + Suggest.hint(outcome, names) + "; outcomes: " + String.join(", ", names));
        Outcome oc = es.outcomes().get(o);

        ExperimentJob.Done done = ExperimentJob.run(loaded, es.design(), eo.folder(es.name()), eo.seed(loaded), eo.threads(), true, false, output.quiet, p -> true);
        List<Factor> factors = es.factors();
        int n = done.unit().length;
        double[][] x = new double[n][factors.size()];
        boolean[] y = new boolean[n];
        int cases = 0;
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < factors.size(); j++) x[p][j] = factors.get(j).numeric(done.unit()[p][j]);
            double v = done.values()[p][o];
            y[p] = !Double.isNaN(v) && (below ? v <= threshold : v >= threshold);
            if (y[p]) cases++;
        }
        String caseText = oc.label() + (below ? " ≤ " : " ≥ ") + Num.fmt(threshold, 4);
        if (cases == 0 || cases == n) {
            throw new BadInputException(null, "--threshold", (cases == 0 ? "no point" : "every point") + " of the experiment has " + caseText
                    + ": nothing to discover; choose another threshold");
        }
        Discovery.Answer a = Discovery.run(x, y, alpha, minMass, coverage, subsamples, es.design().seed());
        DiscoveryReport.Formatter fmt = (j, v) -> format(factors.get(j), v);
        List<String> factorNames = factors.stream().map(Factor::name).toList();
        String answer = answer(caseText, factorNames, a, fmt, cases, n);
        String settings = String.format(Locale.ROOT, "experiment %s, %d points × %d replications · alpha %s, minimum mass %s, coverage at least %s, %d subsamples",
                es.name(), n, es.replications(), Num.fmt(alpha, 3), Num.fmt(minMass, 3), Num.fmt(coverage, 3), subsamples);
        String title = es.title().isBlank() ? es.name() : es.title();
        Path folder = out != null ? out : Main.home().resolve("results").resolve(es.name() + "-discover-" + oc.name());
        Jobs.intoFolder(folder, force, (dir, cancel) -> {
            DiscoveryReport.write(title, caseText, factorNames, a, fmt, answer, dir, Version.get(), settings);
            return null;
        });
        if (!output.quiet) {
            var w = spec.commandLine().getOut();
            w.println(answer);
            w.println("results: " + folder.toAbsolutePath().normalize());
            w.flush();
        }
        return Main.OK;
    }

    /** Months back as YYYY-MM (box limits fall between sampled months), numbers to three decimals. */
    static String format(Factor f, double v) {
        if (f.type() == Factor.Type.MONTH) {
            long index = Math.round(v * 12);
            return java.time.YearMonth.of((int) Math.floorDiv(index, 12), (int) Math.floorMod(index, 12) + 1).toString();
        }
        return Num.fmt(v, 3);
    }

    /** One paragraph in plain language. */
    static String answer(String caseText, List<String> factors, Discovery.Answer a, DiscoveryReport.Formatter fmt, int cases, int points) {
        Prim.Result r = a.result();
        Prim.Box b = a.box();
        List<String> conditions = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        for (int j = 0; j < factors.size(); j++) {
            if (!b.restricts(j, r.min(), r.max())) continue;
            boolean lo = b.lower()[j] > r.min()[j];
            boolean hi = b.upper()[j] < r.max()[j];
            String name = factors.get(j);
            conditions.add(lo && hi ? fmt.format(j, b.lower()[j]) + " ≤ " + name + " ≤ " + fmt.format(j, b.upper()[j])
                    : lo ? name + " ≥ " + fmt.format(j, b.lower()[j]) : name + " ≤ " + fmt.format(j, b.upper()[j]));
            if (a.quasiP()[j] > 0.05 || a.subsamples() > 0 && a.restrictedIn()[j] * 2 < a.subsamples()) weak.add(name);
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Case: %s, in %d of %d points. ", caseText, cases, points));
        if (conditions.isEmpty()) {
            s.append("PRIM found no box denser than the whole space at this coverage: no simple ranges of the factors make the case more likely.");
            return s.toString();
        }
        s.append(String.format(Locale.ROOT, "It holds in %.0f%% of the points where %s; these conditions hold in %.0f%% of the sampled space and capture %.0f%% of the cases",
                100 * b.density(), String.join(" and ", conditions), 100 * b.mass(), 100 * b.coverage()));
        s.append(String.format(Locale.ROOT, " (outside them: %.0f%%).", 100.0 * (cases - b.cases()) / Math.max(1, points - b.points())));
        if (!weak.isEmpty()) s.append(" Weak restrictions (quasi-p above 0.05 or restricted in fewer than half of the subsamples): ").append(String.join(", ", weak)).append('.');
        return s.toString();
    }
}
