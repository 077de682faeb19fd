package org.accords.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.accords.experiment.ExperimentReader;
import org.accords.experiment.ExperimentSpec;
import org.accords.experiment.Outcome;
import org.accords.report.Num;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run an experiment file (experiments/*.yaml): a design over scenario keys, each point an",
                "ensemble with common random numbers. Writes design.csv, outcomes.csv (streamed as points",
                "finish), manifest.json, charts and index.html into results/<experiment name>/."})
final class ExperimentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "An experiment file, e.g. experiments/pressure-weight.yaml.")
    Path file;

    @Mixin
    ExperimentOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExperimentReader.Loaded loaded = options.load(file);
        if (options.shard != null) {
            ExperimentShards.runExperimentShard(loaded, file, options, spec.commandLine().getOut());
            return Main.OK;
        }
        ExperimentJob.Done done = ExperimentJob.run(loaded, loaded.spec().design(), options.folder(loaded.spec().name()), options.seed(loaded),
                options.threads(), options.resume, options.force, options.quiet, p -> true);
        if (!options.quiet) printSummary(loaded.spec(), done, spec.commandLine().getOut());
        return Main.OK;
    }

    static void printSummary(ExperimentSpec spec, ExperimentJob.Done done, PrintWriter out) {
        out.printf(Locale.ROOT, "%s — %s%n", spec.name(), spec.title());
        out.printf(Locale.ROOT, "%,d points (%,d run now) × %,d replications, %.1f s%n%n", done.unit().length, done.ran(), spec.replications(), done.seconds());
        out.printf(Locale.ROOT, "%-16s %-44s %9s %9s %9s%n", "outcome", "measure", "min", "median", "max");
        for (int o = 0; o < spec.outcomes().size(); o++) {
            Outcome oc = spec.outcomes().get(o);
            int column = o;
            double[] v = java.util.Arrays.stream(done.values()).mapToDouble(r -> r[column])
                    .filter(d -> !Double.isNaN(d)).sorted().toArray();
            String lo = v.length == 0 ? "-" : Num.fmt(v[0], 3);
            String med = v.length == 0 ? "-" : Num.fmt(v[v.length / 2], 3);
            String hi = v.length == 0 ? "-" : Num.fmt(v[v.length - 1], 3);
            out.printf(Locale.ROOT, "%-16s %-44s %9s %9s %9s%n", oc.name(), oc.label(), lo, med, hi);
        }
        out.println("results: " + done.folder());
        out.flush();
    }
}
