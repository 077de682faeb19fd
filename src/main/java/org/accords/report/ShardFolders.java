package org.accords.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.accords.experiment.Aggregate;
import org.accords.experiment.EnsembleResult;
import org.accords.experiment.Shard;
import org.accords.experiment.TraceEvent;
import org.accords.scenario.BadInputException;
import org.accords.scenario.ParameterSets;
import org.accords.scenario.Scenario;

/**
 * Shard folders: one share of a study (--shard K/N), written whole like any result folder, with
 * what {@code merge} needs to rebuild the unsharded result exactly: the resolved input, the
 * shard's integer counters, and (in the shard holding replication 0) the trace. Its manifest is
 * {@code shard.json}, never manifest.json, so a shard is never mistaken for a whole run.
 */
public final class ShardFolders {
    public static final String MANIFEST = "shard.json";
    static final String TRACE = "trace.json";
    /**
     * The files that define a shard's input, those of them a shard has: the scenario and roster,
     * and for experiments each design's points and manifest. Their digest must agree across shards.
     */
    static final List<String> INPUT = List.of("scenario.resolved.yaml", "roster.yaml", "design.csv", "manifest.json",
            "morris/design.csv", "morris/manifest.json", "sobol/design.csv", "sobol/manifest.json", WaveFiles.MATCHING);
    /**
     * A run over a parameter ensemble: the ensemble file, copied byte for byte (its name and
     * fingerprint go into the merged manifest), and the keys the scenario held, one a line.
     * Part of the input digest, so shards run over other sets do not merge.
     */
    static final String PARAMETERS = "parameters";
    static final String HELD = "held-keys.txt";
    /** Files every shard has. */
    static final List<String> REQUIRED = List.of("scenario.resolved.yaml", "roster.yaml");

    private ShardFolders() {}

    /**
     * What a shard folder says about itself.
     *
     * @param kind   the command that made it (run, experiment, sensitivity …)
     * @param units  the study's total number of units (replications or design points), all shards
     * @param unit   what a unit is, for messages ("replications", "points")
     * @param input  SHA-256 of the input files, to check the shards come from the same input
     * @param source the experiment file the shards were made from (experiments; null for runs)
     */
    public record Manifest(String tool, String kind, String version, String name, long seed, String unit, long units,
                           int shard, int shards, long computed, String input, int threads, String started, String finished,
                           double wallSeconds, String java, String source) {
        public Shard asShard() { return new Shard(shard, shards); }
    }

    /** A manifest and the folder it came from. */
    public record Found(Path dir, Manifest manifest) {
        public Shard.Found asFound() { return new Shard.Found(manifest.asShard(), dir.toString()); }
    }

    /** Writes a run shard: the resolved input, the shard's counters, the trace if it holds replication 0, shard.json. */
    public static void writeRun(EnsembleResult r, Path dir, String version) throws IOException {
        RunReport.writeResolvedScenario(r.scenario, dir);
        RunFolderIO.writeAggregate(r, dir.resolve(RunFolderIO.AGGREGATE));
        if (r.shard.covers(0)) new ObjectMapper().writeValue(dir.resolve(TRACE).toFile(), r.trace);
        if (r.parameterSets != null) {
            Path p = Files.createDirectories(dir.resolve(PARAMETERS));
            Files.copy(r.parameterSets.file(), p.resolve(r.parameterSets.file().getFileName()));
            Files.writeString(p.resolve(HELD), String.join("", new java.util.TreeSet<>(r.held).stream().map(k -> k + "\n").toList()));
        }
        writeManifest(dir, new Manifest("accords-sim", "run", version, r.scenario.name(), r.seed, "replications",
                r.scenario.run().replications(), r.shard.index(), r.shard.count(), r.runs(), digest(dir), r.threads,
                r.started.toString(), r.finished.toString(), r.wallSeconds(), System.getProperty("java.version"), null));
    }

    /** The manifest of a shard of another kind (experiment, sensitivity), written last into its folder. */
    public static void writeManifest(Path dir, String kind, String version, String name, long seed, String unit, long units, Shard shard,
                                     long computed, int threads, Instant started, Path source) throws IOException {
        Instant finished = Instant.now();
        writeManifest(dir, new Manifest("accords-sim", kind, version, name, seed, unit, units, shard.index(), shard.count(), computed,
                digest(dir), threads, started.toString(), finished.toString(), (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0,
                System.getProperty("java.version"), source == null ? null : source.toAbsolutePath().normalize().toString()));
    }

    static final String OVERRIDES = "overrides.json";

    /** Records the command-line overrides of a shard (when there are any), so the merged folder shows them as the unsharded run does. */
    public static void writeOverrides(Overrides o, Path dir) throws IOException {
        if (!o.isEmpty()) new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(OVERRIDES).toFile(), o);
    }

    /** The overrides a shard folder recorded, or none. */
    public static Overrides overrides(Path dir) throws IOException {
        return readOverrides(dir.resolve(OVERRIDES));
    }

    /** An overrides record written by {@link #writeOverrides} (none if the file is absent). */
    public static Overrides readOverrides(Path f) throws IOException {
        if (!Files.isRegularFile(f)) return Overrides.NONE;
        try {
            return new ObjectMapper().readValue(f.toFile(), Overrides.class);
        } catch (IOException e) {
            throw new BadInputException(new org.accords.scenario.Origin(f.toString(), 0), null, "unreadable overrides record (" + BadInputException.reason(e) + ")");
        }
    }

    static final String CHARTS = "charts.json";

    /** Records a shard's chart choices (when not the defaults), so the merged folder draws the charts the unsharded run draws. */
    public static void writeCharts(ChartChoices c, Path dir) throws IOException {
        if (c.window().isWhole() && c.states().isEmpty()) return;
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("window", c.window().isWhole() ? null : (c.window().from() == null ? "" : c.window().from().toString()) + ".."
                + (c.window().to() == null ? "" : c.window().to().toString()));
        m.put("states", c.states());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(CHARTS).toFile(), m);
    }

    /** The chart choices a shard folder recorded, or the defaults. */
    public static ChartChoices charts(Path dir) throws IOException {
        Path f = dir.resolve(CHARTS);
        if (!Files.isRegularFile(f)) return ChartChoices.DEFAULT;
        try {
            var node = new ObjectMapper().readTree(f.toFile());
            String w = node.path("window").isTextual() ? node.path("window").asText() : null;
            List<String> states = new ArrayList<>();
            node.path("states").forEach(n -> states.add(n.asText()));
            return new ChartChoices(w == null ? ChartWindow.WHOLE : ChartWindow.parse(w), states);
        } catch (IOException | BadInputException e) {
            throw new BadInputException(new org.accords.scenario.Origin(f.toString(), 0), null, "unreadable chart choices (" + e.getMessage() + ")");
        }
    }

    static void writeManifest(Path dir, Manifest m) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(MANIFEST).toFile(), m);
    }

    /** SHA-256 over the input files of a folder, in a fixed order. */
    static String digest(Path dir) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String f : INPUT) {
                if (!Files.isRegularFile(dir.resolve(f))) continue;
                md.update(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(dir.resolve(f)));
                md.update((byte) 0);
            }
            Path p = dir.resolve(PARAMETERS);
            if (Files.isDirectory(p)) {
                try (var files = Files.list(p)) {
                    for (Path f : files.sorted().toList()) {
                        md.update((PARAMETERS + "/" + f.getFileName()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        md.update((byte) 0);
                        md.update(Files.readAllBytes(f));
                        md.update((byte) 0);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a shard folder's manifest; bad input (exit 2) when it is not a complete shard folder. */
    public static Found read(Path dir) {
        Path m = dir.resolve(MANIFEST);
        if (!Files.isDirectory(dir)) throw new BadInputException(null, null, dir + ": no such shard folder");
        if (!Files.isRegularFile(m)) {
            throw new BadInputException(null, null, dir + " is not a shard folder (no " + MANIFEST + "); make shards with --shard K/N");
        }
        Manifest manifest;
        try {
            manifest = new ObjectMapper().readValue(m.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new BadInputException(null, null, m + ": unreadable shard manifest (" + e.getClass().getSimpleName() + ")");
        }
        if (manifest.shards() < 1 || manifest.shard() < 0 || manifest.shard() >= manifest.shards()) {
            throw new BadInputException(null, null, m + ": shard " + manifest.shard() + "/" + manifest.shards() + " is not a valid K/N");
        }
        try {
            for (String f : REQUIRED) {
                if (!Files.isRegularFile(dir.resolve(f))) throw new BadInputException(null, null, dir + ": incomplete shard, " + f + " is missing");
            }
            if (!digest(dir).equals(manifest.input())) {
                throw new BadInputException(null, null, dir + ": its input files do not match its " + MANIFEST + " (edited after the run?)");
            }
        } catch (IOException e) {
            throw new BadInputException(null, null, dir + ": cannot read the shard (" + e.getClass().getSimpleName() + ")");
        }
        return new Found(dir, manifest);
    }

    /**
     * Checks that shards belong to one study and cover it exactly once: same command, tool version
     * (also this tool's), seed, input and number of units; every K of N once. Throws bad input
     * with one line naming what is inconsistent, duplicated or missing.
     */
    public static void checkOneStudy(List<Found> shards, String toolVersion) {
        if (shards.isEmpty()) throw new BadInputException(null, null, "merge: no shard folders given");
        Found a = shards.get(0);
        Manifest m = a.manifest();
        for (Found f : shards) {
            Manifest o = f.manifest();
            String what = !o.kind().equals(m.kind()) ? "come from different commands (" + m.kind() + " and " + o.kind() + ")"
                    : !o.version().equals(m.version()) ? "were made by different versions of accords-sim (" + m.version() + " and " + o.version() + ")"
                    : o.seed() != m.seed() ? "have different seeds (" + m.seed() + " and " + o.seed() + ")"
                    : o.units() != m.units() ? "have different numbers of " + m.unit() + " (" + m.units() + " and " + o.units() + ")"
                    : !o.input().equals(m.input()) ? "come from different inputs (" + (m.kind().equals("calibration-wave")
                            ? "their wave, history-matching settings, earlier waves or history scenario differ: see matching.json"
                            : "their scenario.resolved.yaml, roster.yaml or parameter sets differ") + ")"
                    : null;
            if (what != null) throw new BadInputException(null, null, "inconsistent shards: " + a.dir() + " and " + f.dir() + " " + what);
            // a sensitivity shard holds its share of two designs: its count is not one formula of the total
            if (!o.kind().equals("sensitivity") && o.computed() != new Shard(o.shard(), o.shards()).size(o.units())) {
                throw new BadInputException(null, null, "incomplete shard: " + f.dir() + " holds " + o.computed() + " " + o.unit() + " but shard "
                        + o.shard() + "/" + o.shards() + " has " + new Shard(o.shard(), o.shards()).size(o.units()));
            }
        }
        if (!m.version().equals(toolVersion)) {
            throw new BadInputException(null, null, "the shards were made by accords-sim " + m.version() + " but this is " + toolVersion
                    + "; merge them with the version that made them");
        }
        List<Shard.Found> found = new ArrayList<>();
        for (Found f : shards) found.add(f.asFound());
        String problem = Shard.coverageProblem(found, m.unit());
        if (problem != null) throw new BadInputException(null, null, "cannot merge: " + problem);
    }

    /** A shard's counters. */
    public static Aggregate.Data aggregate(Path dir) {
        try {
            return new ObjectMapper().readValue(dir.resolve(RunFolderIO.AGGREGATE).toFile(), Aggregate.Data.class);
        } catch (IOException e) {
            throw new BadInputException(null, null, dir.resolve(RunFolderIO.AGGREGATE) + ": unreadable shard counters (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Replication 0's trace, kept by the shard that ran it. */
    public static List<TraceEvent> trace(Path dir) {
        try {
            return new ObjectMapper().readValue(dir.resolve(TRACE).toFile(), new TypeReference<List<TraceEvent>>() {});
        } catch (IOException e) {
            throw new BadInputException(null, null, dir.resolve(TRACE) + ": unreadable trace (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The whole ensemble rebuilt from run shards already checked by {@link #checkOneStudy}: their
     * counters summed one shard at a time (memory flat in shards and replications), and the
     * trace of the shard that ran replication 0.
     */
    public static EnsembleResult mergeRun(List<Found> shards, Scenario sc) {
        Aggregate.Data sum = null;
        List<TraceEvent> trace = List.of();
        int threads = 1;
        for (Found f : shards) {
            try {
                sum = Aggregate.sum(sum, aggregate(f.dir()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(null, null, f.dir().resolve(RunFolderIO.AGGREGATE) + ": damaged shard counters (" + e.getMessage() + ")");
            }
            if (f.manifest().asShard().covers(0)) trace = trace(f.dir());
            threads = Math.max(threads, f.manifest().threads());
        }
        Instant[] span = span(shards);
        Path first = shards.get(0).dir();
        ParameterSets sets = parameterSets(first);
        try {
            return EnsembleResult.restored(sc, shards.get(0).manifest().seed(), threads, span[0], span[1], sum, trace, shards.size(), sets,
                    sets == null ? java.util.Set.of() : heldKeys(first));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(null, null, shards.get(0).dir() + ": shard counters do not fit its scenario (" + e.getMessage() + ")");
        }
    }

    /** The parameter ensemble a run shard was run over, read from its copy; null for a run at one point. */
    static ParameterSets parameterSets(Path dir) {
        Path p = dir.resolve(PARAMETERS);
        if (!Files.isDirectory(p)) return null;
        try (var files = Files.list(p)) {
            List<Path> sets = files.filter(f -> !f.getFileName().toString().equals(HELD)).toList();
            if (sets.size() != 1) throw new BadInputException(null, null, p + ": expected one parameter ensemble file, found " + sets.size());
            return ParameterSets.read(sets.get(0));
        } catch (IOException e) {
            throw new BadInputException(null, null, p + ": unreadable parameter sets (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static java.util.Set<String> heldKeys(Path dir) {
        try {
            return java.util.Set.copyOf(Files.readAllLines(dir.resolve(PARAMETERS).resolve(HELD)).stream().filter(l -> !l.isBlank()).toList());
        } catch (IOException e) {
            throw new BadInputException(null, null, dir.resolve(PARAMETERS).resolve(HELD) + ": unreadable held keys (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Earliest start and latest finish over the shards (for the merged manifest). */
    public static Instant[] span(List<Found> shards) {
        Instant start = null, end = null;
        for (Found f : shards) {
            Instant s = Instant.parse(f.manifest().started()), e = Instant.parse(f.manifest().finished());
            if (start == null || s.isBefore(start)) start = s;
            if (end == null || e.isAfter(end)) end = e;
        }
        return new Instant[] {start, end};
    }
}
