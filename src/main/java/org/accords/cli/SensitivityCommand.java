package org.accords.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.accords.experiment.ExperimentReader;
import org.accords.experiment.ExperimentSpec;
import org.accords.experiment.Factor;
import org.accords.experiment.Outcome;
import org.accords.experiment.sensitivity.Interval;
import org.accords.experiment.sensitivity.MonteCarloNoise;
import org.accords.experiment.sensitivity.Morris;
import org.accords.experiment.sensitivity.Sobol;
import org.accords.report.Num;
import org.accords.report.SensitivityReport;
import org.accords.scenario.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Global sensitivity analysis of an experiment file: Morris elementary effects (mu, mu*, sigma)",
                "and Sobol indices (S1, ST; Saltelli sampling) with bootstrap intervals, and the share of each",
                "outcome's variance that is Monte Carlo noise. Uses the file's sensitivity: section (morris,",
                "sobol), or its design when that is morris or saltelli. Writes results/<name>-sensitivity/."})
final class SensitivityCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "An experiment file, e.g. experiments/global-sensitivity.yaml.")
    Path file;

    @Mixin
    ExperimentOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The designs `sensitivity` runs for an experiment file: Morris, Sobol (Saltelli) or both. */
    record Plan(ExperimentSpec.DesignSpec morris, ExperimentSpec.DesignSpec sobol, int bootstrap) {}

    static Plan plan(ExperimentSpec es, Path file) {
        ExperimentSpec.DesignSpec morris = null;
        ExperimentSpec.DesignSpec sobol = null;
        int bootstrap = 200;
        if (es.sensitivity() != null) {
            morris = es.sensitivity().morris();
            sobol = es.sensitivity().sobol();
            bootstrap = es.sensitivity().bootstrap();
        } else if (es.design().type() == ExperimentSpec.DesignType.MORRIS) {
            morris = es.design();
        } else if (es.design().type() == ExperimentSpec.DesignType.SALTELLI) {
            sobol = es.design();
        }
        if (morris == null && sobol == null) {
            throw new BadInputException(new org.accords.scenario.Origin(file.toString(), 0), "design",
                    "a " + es.design().type().name().toLowerCase(Locale.ROOT) + " design has no sensitivity analysis: use a morris or saltelli design, or a sensitivity: section");
        }
        return new Plan(morris, sobol, bootstrap);
    }

    @Override
    public Integer call() throws Exception {
        ExperimentReader.Loaded loaded = options.load(file);
        ExperimentSpec es = loaded.spec();
        Plan plan = plan(es, file);
        ExperimentSpec.DesignSpec morris = plan.morris();
        ExperimentSpec.DesignSpec sobol = plan.sobol();
        if (options.shard != null) {
            ExperimentShards.runSensitivityShard(loaded, plan, file, options, spec.commandLine().getOut());
            return Main.OK;
        }
        Path dir = options.folder(es.name() + "-sensitivity").toAbsolutePath().normalize();
        if (Files.exists(dir) && !options.resume && !options.force) {
            throw new BadInputException(null, null, "result folder " + dir + " already exists; use --resume to continue it, --force to replace it, or --out to choose another");
        }
        long seed = options.seed(loaded);
        int threads = options.threads();
        ExperimentJob.Done m = morris == null ? null
                : ExperimentJob.run(loaded, morris, dir.resolve("morris"), seed, threads, options.resume, options.force, options.quiet, p -> true);
        ExperimentJob.Done s = sobol == null ? null
                : ExperimentJob.run(loaded, sobol, dir.resolve("sobol"), seed, threads, options.resume, options.force, options.quiet, p -> true);
        analyze(es, plan, m, s, dir, options.quiet, spec.commandLine().getOut());
        return Main.OK;
    }

    /** The analysis of finished Morris and Sobol points (either may be null): tables, charts, page and summary. */
    static void analyze(ExperimentSpec es, Plan plan, ExperimentJob.Done m, ExperimentJob.Done s, Path dir, boolean quiet, PrintWriter print)
            throws java.io.IOException {
        ExperimentSpec.DesignSpec morris = plan.morris();
        ExperimentSpec.DesignSpec sobol = plan.sobol();
        int bootstrap = plan.bootstrap();
        int d = es.factors().size();
        List<SensitivityReport.OutcomeResult> results = new ArrayList<>();
        for (int o = 0; o < es.outcomes().size(); o++) {
            Outcome oc = es.outcomes().get(o);
            Morris.Result[] mr = null;
            Sobol.Result sr = null;
            double mn = Double.NaN;
            double sn = Double.NaN;
            String skipped = null;
            if (m != null) {
                double[] y = column(m.values(), o);
                if (hasMissing(y)) skipped = "some points have no value";
                else {
                    mr = Morris.analyze(m.unit(), y, d, bootstrap, morris.seed());
                    mn = MonteCarloNoise.share(y, column(m.se(), o));
                }
            }
            if (s != null) {
                double[] y = column(s.values(), o);
                if (hasMissing(y)) skipped = "some points have no value";
                else if (constant(y)) skipped = "the outcome does not vary";
                else {
                    sr = Sobol.analyze(y, d, sobol.secondOrder(), bootstrap, sobol.seed());
                    sn = MonteCarloNoise.share(y, column(s.se(), o));
                }
            }
            results.add(new SensitivityReport.OutcomeResult(oc, mr, mn, sr, sn, skipped));
        }
        String summary = summary(es, results, m, s);
        SensitivityReport.write(es, results, m == null ? 0 : m.unit().length, s == null ? 0 : s.unit().length, dir, Version.get(), summary);
        if (!quiet) {
            print.print(summary);
            print.println("results: " + dir);
            print.flush();
        }
    }

    static double[] column(double[][] v, int o) {
        double[] y = new double[v.length];
        for (int p = 0; p < v.length; p++) y[p] = v[p][o];
        return y;
    }

    private static boolean hasMissing(double[] y) {
        for (double v : y) if (Double.isNaN(v)) return true;
        return false;
    }

    private static boolean constant(double[] y) {
        for (double v : y) if (v != y[0]) return false;
        return true;
    }

    /** Per outcome: the factors that matter most by each method, with intervals, and the noise share. */
    static String summary(ExperimentSpec es, List<SensitivityReport.OutcomeResult> results, ExperimentJob.Done m, ExperimentJob.Done s) {
        StringBuilder b = new StringBuilder();
        List<String> names = es.factors().stream().map(Factor::name).toList();
        b.append(String.format(Locale.ROOT, "%s — sensitivity of %d outcomes to %d factors (%s%s%s), %d replications per point%n%n", es.name(),
                results.size(), names.size(), m == null ? "" : "Morris " + m.unit().length + " points", m != null && s != null ? ", " : "",
                s == null ? "" : "Sobol " + s.unit().length + " points", es.replications()));
        for (SensitivityReport.OutcomeResult r : results) {
            b.append(r.outcome().name()).append(": ").append(r.outcome().label()).append('\n');
            if (r.morris() != null) {
                b.append("  Morris mu* [95%]:");
                for (int f : top(names.size(), k -> r.morris()[k].muStar().estimate())) b.append("  ").append(names.get(f)).append(' ').append(ci(r.morris()[f].muStar()));
                b.append("\n  Monte Carlo noise: ").append(SensitivityReport.noiseText(r.morrisNoise())).append(warn(r.morrisNoise())).append('\n');
            }
            if (r.sobol() != null) {
                b.append("  Sobol ST [95%]:");
                for (int f : top(names.size(), k -> r.sobol().total()[k].estimate())) {
                    b.append("  ").append(names.get(f)).append(' ').append(ci(r.sobol().total()[f])).append(" (S1 ").append(Num.fmt(r.sobol().first()[f].estimate(), 2)).append(')');
                }
                b.append("\n  Monte Carlo noise: ").append(SensitivityReport.noiseText(r.sobolNoise())).append(warn(r.sobolNoise())).append('\n');
            }
            if (r.skipped() != null) b.append("  not analysed").append(r.morris() != null ? " by Sobol" : r.sobol() != null ? " by Morris" : "")
                    .append(": ").append(r.skipped()).append('\n');
            b.append('\n');
        }
        return b.toString();
    }

    private static String warn(double share) {
        return share > MonteCarloNoise.WARN ? " — warning: more than 5% of the variance is noise; rerun with more --reps" : "";
    }

    private static List<Integer> top(int n, java.util.function.IntToDoubleFunction key) {
        List<Integer> idx = new ArrayList<>();
        for (int f = 0; f < n; f++) idx.add(f);
        idx.sort((a, c) -> Double.compare(key.applyAsDouble(c), key.applyAsDouble(a)) != 0 ? Double.compare(key.applyAsDouble(c), key.applyAsDouble(a)) : Integer.compare(a, c));
        return idx.subList(0, Math.min(4, n));
    }

    private static String ci(Interval i) {
        return Num.fmt(i.estimate(), 3) + " [" + Num.fmt(i.low(), 3) + ", " + Num.fmt(i.high(), 3) + "]";
    }
}
