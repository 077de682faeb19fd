package org.accords.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.accords.experiment.Aggregate;
import org.accords.experiment.EnsembleResult;
import org.accords.scenario.ParameterSets;
import org.accords.scenario.Scenario;

/**
 * Reading and writing the machine-readable parts of a run folder: the resolved scenario text and
 * {@code aggregate.json} (the ensemble's raw counters), so that {@code compare} can reuse a
 * folder whose scenario, seed and replications match instead of running it again.
 */
public final class RunFolderIO {
    static final String AGGREGATE = "aggregate.json";

    private RunFolderIO() {}

    /** The exact text written to scenario.resolved.yaml for a scenario. */
    public static String resolvedYaml(Scenario sc) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
        return "# Fully resolved scenario as run (all defaults filled in). Rerun with:\n"
                + "#   ./accords run <this file>\n" + yaml.writeValueAsString(sc.resolved());
    }

    static final String PARAMETER_SETS = "parameter-sets.yaml";

    /**
     * For a run over a parameter ensemble: the sets as the run used them, without the keys the
     * scenario held fixed, so that {@code ./accords run scenario.resolved.yaml --params parameter-sets.yaml}
     * reruns it. Nothing for a run at one point.
     */
    static void writeParameterSets(EnsembleResult r, Path dir) throws IOException {
        if (r.parameterSets == null) return;
        Files.writeString(dir.resolve(PARAMETER_SETS), parameterSetsYaml(r.parameterSets, r.held));
    }

    static String parameterSetsYaml(ParameterSets sets, java.util.Set<String> held) {
        StringBuilder y = new StringBuilder();
        y.append("# The ").append(sets.size()).append(" parameter sets this run spread its replications over (replication r uses set r mod ")
                .append(sets.size()).append("),\n# from ").append(sets.file().getFileName()).append(" (fingerprint ").append(sets.fingerprint()).append(")");
        if (!held.isEmpty()) y.append(", less the keys the scenario held: ").append(String.join(", ", new java.util.TreeSet<>(held)));
        y.append(".\ncommand: \"").append(sets.command().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\nsets:\n");
        for (ParameterSets.Member m : sets.sets()) {
            y.append("  - id: ").append(m.id()).append('\n');
            if (!Double.isNaN(m.implausibility())) y.append("    implausibility: ").append(Num.fmt(m.implausibility(), 10)).append('\n');
            boolean any = m.values().keySet().stream().anyMatch(k -> !held.contains(k));
            y.append(any ? "    values:\n" : "    values: {}\n"); // every key held: the sets do not vary this run
            for (var e : m.values().entrySet()) {
                if (!held.contains(e.getKey())) y.append("      ").append(e.getKey()).append(": ").append(Num.fmt(e.getValue(), 10)).append('\n');
            }
        }
        return y.toString();
    }

    /** The manifest's account of the parameters: one point, or the ensemble and the keys held. */
    static java.util.Map<String, Object> parametersManifest(EnsembleResult r) {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        if (r.parameterSets == null) {
            p.put("mode", "point");
            p.put("note", "one parameter set: bands show random uncertainty only");
            return p;
        }
        p.put("mode", "ensemble");
        p.put("file", r.parameterSets.file().getFileName().toString());
        p.put("fingerprint", r.parameterSets.fingerprint());
        p.put("sets", r.parameterSets.size());
        p.put("held", new java.util.TreeSet<>(r.held));
        p.put("note", "replication r uses parameter set r mod " + r.parameterSets.size()
                + ": bands show parameter and random uncertainty together; see parameter-sets.yaml");
        return p;
    }

    static void writeAggregate(EnsembleResult r, Path file) throws IOException {
        new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), r.data());
    }

    /**
     * The result stored in {@code folder} if it was made from exactly this scenario (same
     * resolved text, so the same seed and replications), the same roster and the same tool
     * version; otherwise null.
     */
    public static EnsembleResult reuse(Path folder, Scenario sc, String toolVersion) {
        return reuse(folder, sc, toolVersion, null, java.util.Set.of());
    }

    /** As {@link #reuse(Path, Scenario, String)}, for a run over a parameter ensemble (null: one point): the sets must match too. */
    public static EnsembleResult reuse(Path folder, Scenario sc, String toolVersion, ParameterSets sets, java.util.Set<String> held) {
        try {
            Path resolved = folder.resolve("scenario.resolved.yaml");
            Path roster = folder.resolve("roster.yaml");
            Path aggregate = folder.resolve(AGGREGATE);
            Path manifest = folder.resolve("manifest.json");
            if (!Files.isRegularFile(resolved) || !Files.isRegularFile(aggregate) || !Files.isRegularFile(manifest) || !Files.isRegularFile(roster)) {
                return null;
            }
            if (!Files.readString(resolved).equals(resolvedYaml(sc))) return null;
            Path setsFile = folder.resolve(PARAMETER_SETS);
            if (sets == null ? Files.exists(setsFile)
                    : !Files.isRegularFile(setsFile) || !Files.readString(setsFile).equals(parameterSetsYaml(sets, held))) {
                return null;
            }
            if (!Arrays.equals(Files.readAllBytes(roster), Files.readAllBytes(sc.rosterFile()))) return null;
            JsonNode m = new ObjectMapper().readTree(manifest.toFile());
            if (!m.path("version").asText().equals(toolVersion)) return null; // another version's model may differ
            Aggregate.Data data = new ObjectMapper().readValue(aggregate.toFile(), Aggregate.Data.class);
            return EnsembleResult.restored(sc, m.path("seed").asLong(), m.path("threads").asInt(1),
                    Instant.parse(m.path("started").asText()), Instant.parse(m.path("finished").asText()), data, java.util.List.of(), 0, sets, held);
        } catch (IOException | RuntimeException unusable) {
            return null; // a damaged or foreign folder is simply not reused
        }
    }
}
