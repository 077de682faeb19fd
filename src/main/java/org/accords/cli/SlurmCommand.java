package org.accords.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.accords.report.ResultFolder;
import org.accords.report.RunReport;
import org.accords.experiment.ExperimentReader;
import org.accords.experiment.ExperimentSpec;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "slurm", mixinStandardHelpOptions = true,
        description = {"Write a Slurm job folder that runs COMMAND ARGS... as N shards, one per task of a job array, and a",
                "script that merges them; with --submit, submit it, wait, check every task, merge and print the result.",
                "Example: accords slurm run baseline --reps 100000 --shards 8 --partition short --time 00:20:00 --submit"})
final class SlurmCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "COMMAND ARGS",
            description = "The study to split: `run SCENARIO [options]`, with the options it takes alone (--out is where the merged result goes).")
    List<String> command;

    @Option(names = "--shards", paramLabel = "N", required = true, description = "Number of shards, one per array task.")
    int shards;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's default).")
    String partition;

    @Option(names = "--time", paramLabel = "T", description = "Time limit of each task, in Slurm's format (e.g. 00:30:00).")
    String time;

    @Option(names = "--mem", paramLabel = "M", description = "Memory of each task, in Slurm's format (e.g. 2G).")
    String mem;

    @Option(names = "--cpus", paramLabel = "C", defaultValue = "1", description = "CPUs of each task, and its worker threads (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--max-parallel", paramLabel = "K", description = "Run at most K tasks at once (the array's %%K).")
    Integer maxParallel;

    @Option(names = "--job-dir", paramLabel = "DIR", description = "The job folder (default: results/<name>-slurm).")
    Path jobDir;

    @Option(names = "--submit", description = "Submit the array, wait for it, check every task's result and merge.")
    boolean submit;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "2", hidden = true, description = "How often --submit asks squeue.")
    double poll;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * What the job runs, its input frozen here so every task reads the same: a run's resolved
     * scenario, or an experiment file with a copy of the presets it may name.
     *
     * @param home the accords home of the tasks, as the scripts spell it
     */
    private record Study(String name, Path out, boolean force, boolean quiet, List<String> task, List<String> merge, Scenario scenario,
                         Path experiment, ExperimentReader.Loaded loaded, List<ExperimentSpec.DesignSpec> designs, String home,
                         org.accords.report.Overrides overrides, Path ensemble) {}

    /** Where a job folder keeps its copy of the parameter ensemble, under input/. */
    static final String ENSEMBLE_DIR = "parameters";

    @Override
    public Integer call() throws Exception {
        if (shards < 1) throw new BadInputException(null, "--shards", "must be a positive whole number, found " + shards);
        if (cpus < 1) throw new BadInputException(null, "--cpus", "must be a positive whole number, found " + cpus);
        if (maxParallel != null && maxParallel < 1) throw new BadInputException(null, "--max-parallel", "must be a positive whole number, found " + maxParallel);
        checkSlurmValue("--partition", partition);
        checkSlurmValue("--time", time);
        checkSlurmValue("--mem", mem);
        if (submit) requireSlurm();
        if (command.get(0).equals("calibrate")) return calibrate(command.subList(1, command.size()).toArray(String[]::new));
        Study study = study();
        Path job = (jobDir != null ? jobDir : Main.home().resolve("results").resolve(study.name() + "-slurm")).toAbsolutePath().normalize();
        checkJobPath(job);
        ResultFolder.checkTarget(study.out(), study.force());
        SlurmScripts.Job j = new SlurmScripts.Job(study.name(), job, shards, study.home(), study.task(), study.merge(), partition, time, mem, cpus, maxParallel);
        Path jar = jar();
        Jobs.intoFolder(job, study.force(), (dir, cancel) -> {
            writeJobFolder(dir, j, jar, study);
            return null;
        });
        PrintWriter out = spec.commandLine().getOut();
        if (!submit) {
            out.println("job folder: " + job);
            out.println("submit with: sbatch " + SlurmScripts.q(job + "/job.sbatch") + "   then merge with: " + SlurmScripts.q(job + "/merge.sh"));
            out.flush();
            return Main.OK;
        }
        // the merge is the job folder's own script, as a user would run it: one way to merge, with the frozen input
        return new SlurmSubmission(job, shards, poll, spec.commandLine().getErr()).run(() ->
                new ProcessBuilder(job.resolve("merge.sh").toString()).inheritIO().start().waitFor());
    }

    /**
     * {@code slurm calibrate --ensemble K ...}: a history match whose every wave is an array job, merged
     * before the next wave starts; the finish writes the ensemble file and page where the command would.
     */
    private int calibrate(String[] args) throws Exception {
        CalibrateCommand c = new CalibrateCommand();
        parse("calibrate", c, args);
        if (c.ensemble == null) throw new BadInputException(null, null, "slurm calibrate splits the waves of a history match: give --ensemble K (a point fit is one CMA-ES run)");
        for (Object[] o : new Object[][] {{"--wave", c.wave}, {"--shard", c.shard}, {"--after", c.after}, {"--wave-dir", c.waveDir}}) {
            if (o[1] != null) throw new BadInputException(null, (String) o[0], "is set by slurm for each wave and task; give --shards N instead");
        }
        if (c.threads != null) throw new BadInputException(null, "--threads", "is set by slurm from --cpus");
        CalibrateCommand.Prepared p = c.prepare();
        EnsembleCalibration.settings(c, 1);
        String name = "ensemble-until-" + p.cutoff();
        Path page = (c.page != null ? c.page : Main.home().resolve("results").resolve(name)).toAbsolutePath().normalize();
        ResultFolder.checkTarget(page, c.force);
        Path job = (jobDir != null ? jobDir : Main.home().resolve("results").resolve(name + "-slurm")).toAbsolutePath().normalize();
        checkJobPath(job);
        List<String> common = new ArrayList<>(List.of("calibrate", "--ensemble", String.valueOf(c.ensemble), "--until", p.cutoff().toString(),
                "--waves", String.valueOf(c.waves), "--points", String.valueOf(c.points), "--reps", String.valueOf(p.reps()), "--rule", SlurmScripts.q(c.rule),
                "--seed", String.valueOf(c.seed), "--scenario", "\"$job/input/scenario.resolved.yaml\"", "--record-scenario", SlurmScripts.q(c.scenario)));
        List<String> finish = new ArrayList<>(List.of("--out", SlurmScripts.q(p.target().toString()), "--page", SlurmScripts.q(page.toString())));
        if (c.force) finish.add("--force");
        SlurmScripts.Job j = new SlurmScripts.Job(name, job, shards, "\"$job\"", common, finish, partition, time, mem, cpus, maxParallel);
        SlurmWaveScripts.Waves waves = new SlurmWaveScripts.Waves(j, c.waves, common, finish);
        Path jar = jar();
        Jobs.intoFolder(job, c.force, (dir, cancel) -> {
            for (String d : List.of("logs", "shards", "waves", "input")) Files.createDirectories(dir.resolve(d));
            RunReport.writeResolvedScenario(p.start(), dir.resolve("input"));
            Files.copy(jar, dir.resolve("accords.jar"));
            script(dir.resolve("job.sbatch"), SlurmWaveScripts.array(waves));
            script(dir.resolve("merge.sh"), SlurmWaveScripts.merge(waves));
            script(dir.resolve("finish.sh"), SlurmWaveScripts.finish(waves));
            script(dir.resolve("run.sh"), SlurmWaveScripts.run(waves));
            List<String> words = new ArrayList<>(List.of("./accords", "slurm", "calibrate"));
            for (String w : args) words.add(SlurmScripts.q(w));
            words.add("--shards " + shards);
            Files.writeString(dir.resolve("README.md"), SlurmWaveScripts.readme(waves, String.join(" ", words)), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return null;
        });
        PrintWriter out = spec.commandLine().getOut();
        if (!submit) {
            out.println("job folder: " + job);
            out.println("run every wave, then the finish, with: " + SlurmScripts.q(job + "/run.sh") + "   (see " + SlurmScripts.q(job + "/README.md") + ")");
            out.flush();
            return Main.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        for (int w = 1; w <= c.waves; w++) {
            int wave = w;
            // each wave's merge is the job folder's own script, as run.sh runs it
            int code = new SlurmSubmission(job, shards, poll, err, wave).run(() ->
                    new ProcessBuilder(job.resolve("merge.sh").toString(), String.valueOf(wave)).inheritIO().start().waitFor());
            if (code != Main.OK) return code;
        }
        int code = new ProcessBuilder(job.resolve("finish.sh").toString()).inheritIO().start().waitFor();
        if (code != 0) {
            err.println("accords: the finish failed (exit code " + code + "); rerun it with " + job.resolve("finish.sh"));
            err.flush();
        }
        return code;
    }

    /** Parses COMMAND ARGS with the command's own options and resolves its input. */
    private Study study() {
        String name = command.get(0);
        String[] args = command.subList(1, command.size()).toArray(String[]::new);
        return switch (name) {
            case "run" -> runStudy(args);
            case "experiment", "sensitivity" -> experimentStudy(name, args);
            default -> throw new BadInputException(null, null, "slurm: cannot split `" + name + "` (this version splits: run, experiment, sensitivity, calibrate --ensemble)");
        };
    }

    private static void parse(String name, Object command, String[] args) {
        try {
            new CommandLine(command).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new BadInputException(null, null, "slurm " + name + ": " + e.getMessage().replace('\n', ' '));
        }
    }

    private static void refuse(Object shard, Integer threads) {
        if (shard != null) throw new BadInputException(null, "--shard", "is set by slurm for each task; give --shards N instead");
        if (threads != null) throw new BadInputException(null, "--threads", "is set by slurm from --cpus");
    }

    private List<String> merge(Path out, boolean force) {
        List<String> merge = new ArrayList<>(List.of("merge", "\"$job/shards\"", "--out", SlurmScripts.q(out.toString())));
        if (force) merge.add("--force");
        return merge;
    }

    private List<String> shardArgs() {
        String n = String.valueOf(shards);
        return List.of("--shard", "\"$k/" + n + "\"", "--out", "\"$job/shards/$k-of-" + n + "\"", "--threads", String.valueOf(cpus), "--quiet", "--force");
    }

    private Study runStudy(String[] args) {
        RunCommand run = new RunCommand();
        parse("run", run, args);
        refuse(run.shard, run.options.threads);
        Scenario sc = Main.loader().load(run.scenario, run.options.fragments(), run.options.overrides());
        Path out = (run.out != null ? run.out : Main.home().resolve("results").resolve(sc.name())).toAbsolutePath().normalize();
        ParameterChoice parameters = run.options.parameters();
        java.util.Set<String> held = parameters.heldFor(Main.loader(), run.scenario, run.options.overrides(), sc);
        List<String> task = new ArrayList<>(List.of("run", "\"$job/input/scenario.resolved.yaml\""));
        task.addAll(shardArgs());
        // the tasks run the frozen input; the overrides it was made with stay on record (charts, manifest)
        task.addAll(List.of("--record-overrides", "\"$job/input/overrides.json\""));
        // every node uses the same sets: a copy of the ensemble in the job folder, named explicitly (never a node's own default)
        Path ensemble = parameters.isEnsemble() ? parameters.sets().file() : null;
        if (ensemble == null) {
            task.addAll(List.of("--params", "point"));
        } else {
            task.addAll(List.of("--params", "\"$job/input/" + ENSEMBLE_DIR + "/" + ensemble.getFileName() + "\""));
            if (!held.isEmpty()) task.addAll(List.of("--hold", String.join(",", new java.util.TreeSet<>(held))));
        }
        run.charts.resolve(sc.run(), "the run of scenario '" + sc.name() + "'");
        if (run.charts.window != null) task.addAll(List.of("--window", SlurmScripts.q(run.charts.window)));
        if (!run.charts.states.isEmpty()) task.addAll(List.of("--states", SlurmScripts.q(String.join(",", run.charts.states))));
        // every task writes its share of runs.csv, or none does, as the user asked (merge joins them)
        if (run.runs != RunsOption.AUTO) task.addAll(List.of("--runs", run.runs.name().toLowerCase(java.util.Locale.ROOT)));
        if (!run.whyNot) throw RunCommand.noWhyNotWithShards();
        return new Study(sc.name(), out, run.force, run.options.quiet, task, merge(out, run.force), sc, null, null, List.of(), "\"$job\"",
                run.options.record(), ensemble);
    }

    private Study experimentStudy(String name, String[] args) {
        Object command = name.equals("experiment") ? new ExperimentCommand() : new SensitivityCommand();
        parse(name, command, args);
        ExperimentOptions o = command instanceof ExperimentCommand e ? e.options : ((SensitivityCommand) command).options;
        Path file = command instanceof ExperimentCommand e ? e.file : ((SensitivityCommand) command).file;
        refuse(o.shard, o.threads);
        if (o.resume) throw new BadInputException(null, "--resume", "a sharded study reruns only its failed tasks; drop --resume");
        ExperimentReader.Loaded loaded = o.load(file);
        long seed = o.seed(loaded);
        List<ExperimentSpec.DesignSpec> designs = new ArrayList<>();
        String study = loaded.spec().name();
        if (name.equals("experiment")) {
            designs.add(loaded.spec().design());
        } else {
            SensitivityCommand.Plan plan = SensitivityCommand.plan(loaded.spec(), file);
            if (plan.morris() != null) designs.add(plan.morris());
            if (plan.sobol() != null) designs.add(plan.sobol());
            study += "-sensitivity";
        }
        Path out = o.folder(study).toAbsolutePath().normalize();
        List<String> task = new ArrayList<>(List.of(name, "\"$job/input/home/experiments/" + file.getFileName() + "\""));
        if (o.reps != null) task.addAll(List.of("--reps", String.valueOf(o.reps)));
        task.addAll(List.of("--seed", String.valueOf(seed)));
        task.addAll(shardArgs());
        return new Study(study, out, o.force, o.quiet, task, merge(out, o.force), loaded.base(), file, loaded, designs, "\"$job/input/home\"",
                org.accords.report.Overrides.NONE, null);
    }

    /**
     * Copies the experiment file and the presets it may name into the job folder, and checks the
     * copy gives the same points and scenario: an experiment that names a scenario file outside
     * scenarios/ by a relative path cannot be sent to the nodes this way.
     */
    private static void freezeExperiment(Study study, Path input) throws IOException {
        Path home = input.resolve("home");
        copyTree(Main.home().resolve("scenarios"), home.resolve("scenarios"));
        Path copy = home.resolve("experiments").resolve(study.experiment().getFileName());
        Files.createDirectories(copy.getParent());
        Files.copy(study.experiment(), copy);
        ExperimentReader.Loaded again;
        try {
            again = new ExperimentReader(new org.accords.scenario.ScenarioLoader(home.resolve("scenarios"))).read(copy);
        } catch (BadInputException e) {
            throw new BadInputException(null, null, study.experiment() + " cannot be sent to the nodes: read beside the presets it fails (" + e.getMessage()
                    + "); name its scenario by preset, or put the scenario file in scenarios/");
        }
        again = new ExperimentReader.Loaded(again.spec().withReplications(study.loaded().spec().replications()), again.template(), again.set(), again.base());
        boolean same = org.accords.report.RunFolderIO.resolvedYaml(again.base()).equals(org.accords.report.RunFolderIO.resolvedYaml(study.loaded().base()));
        for (ExperimentSpec.DesignSpec d : study.designs()) same &= ExperimentJob.designCsv(again, d).equals(ExperimentJob.designCsv(study.loaded(), d));
        if (!same) {
            throw new BadInputException(null, null, study.experiment() + " cannot be sent to the nodes: beside the presets it reads another scenario or design;"
                    + " name its scenario by preset, or put the scenario file in scenarios/");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private void writeJobFolder(Path dir, SlurmScripts.Job j, Path jar, Study study) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("shards"));
        Files.createDirectories(dir.resolve("input"));
        if (study.experiment() != null) freezeExperiment(study, dir.resolve("input"));
        else RunReport.writeResolvedScenario(study.scenario(), dir.resolve("input"));
        org.accords.report.ShardFolders.writeOverrides(study.overrides(), dir.resolve("input"));
        if (study.ensemble() != null) {
            Path copy = Files.createDirectories(dir.resolve("input").resolve(ENSEMBLE_DIR)).resolve(study.ensemble().getFileName());
            Files.copy(study.ensemble(), copy);
        }
        Files.copy(jar, dir.resolve("accords.jar"));
        script(dir.resolve("job.sbatch"), SlurmScripts.array(j));
        script(dir.resolve("merge.sh"), SlurmScripts.merge(j));
        List<String> words = new ArrayList<>(List.of("./accords", "slurm"));
        for (String w : command) words.add(SlurmScripts.q(w));
        words.add("--shards " + shards);
        Files.writeString(dir.resolve("README.md"), SlurmScripts.readme(j, String.join(" ", words)), StandardCharsets.UTF_8);
        // a job folder is read by tasks on other nodes, under the same user: make it readable like any folder
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The running jar, copied into the job folder so a rebuild while the job waits changes nothing. */
    private static Path jar() {
        Path here;
        try {
            here = Path.of(SlurmCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            here = null;
        }
        if (here != null && Files.isRegularFile(here) && here.toString().endsWith(".jar")) return here;
        Path built = Main.home().resolve("target/accords.jar");
        if (Files.isRegularFile(built)) return built;
        throw new BadInputException(null, null, "no accords.jar to send to the nodes: build it first (mvn -DskipTests package)");
    }

    private static void checkJobPath(Path job) {
        if (job.toString().matches(".*[\\s'\"\\\\$`].*")) {
            throw new BadInputException(null, "--job-dir", job + ": the path must not contain spaces, quotes, $ or backslashes (#SBATCH lines cannot quote them)");
        }
    }

    /** Values go onto #SBATCH lines: no spaces or quotes. */
    private static void checkSlurmValue(String option, String value) {
        if (value != null && !value.matches("[A-Za-z0-9_.:,+=-]+")) {
            throw new BadInputException(null, option, "'" + value + "' is not a Slurm value (letters, digits and _ . : , + = - only)");
        }
    }

    private static void requireSlurm() {
        for (String c : List.of("sbatch", "squeue")) {
            if (!onPath(c)) throw new BadInputException(null, "--submit", c + " not found: run --submit on a Slurm login node, or drop --submit and submit the job folder there");
        }
    }

    static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) if (Files.isExecutable(Path.of(d, name))) return true;
        return false;
    }

    static String plural(int n, String one) {
        return String.format(Locale.ROOT, "%d %s%s", n, one, n == 1 ? "" : "s");
    }
}
