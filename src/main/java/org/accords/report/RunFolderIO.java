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

    static void writeAggregate(EnsembleResult r, Path file) throws IOException {
        new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), r.data());
    }

    /**
     * The result stored in {@code folder} if it was made from exactly this scenario (same
     * resolved text, so the same seed and replications), the same roster and the same tool
     * version; otherwise null.
     */
    public static EnsembleResult reuse(Path folder, Scenario sc, String toolVersion) {
        return reuse(folder, sc, toolVersion, problem -> { });
    }

    /**
     * As {@link #reuse(Path, Scenario, String)}; {@code damaged} hears why a folder made from this
     * very scenario could not be reused (an aggregate.json that no ensemble can produce).
     */
    public static EnsembleResult reuse(Path folder, Scenario sc, String toolVersion, java.util.function.Consumer<String> damaged) {
        try {
            Path resolved = folder.resolve("scenario.resolved.yaml");
            Path roster = folder.resolve("roster.yaml");
            Path aggregate = folder.resolve(AGGREGATE);
            Path manifest = folder.resolve("manifest.json");
            if (!Files.isRegularFile(resolved) || !Files.isRegularFile(aggregate) || !Files.isRegularFile(manifest) || !Files.isRegularFile(roster)) {
                return null;
            }
            if (!Files.readString(resolved).equals(resolvedYaml(sc))) return null;
            if (!Arrays.equals(Files.readAllBytes(roster), Files.readAllBytes(sc.rosterFile()))) return null;
            JsonNode m = new ObjectMapper().readTree(manifest.toFile());
            if (!m.path("version").asText().equals(toolVersion)) return null; // another version's model may differ
            try {
                if (Files.size(aggregate) > 512L << 20) throw new IllegalArgumentException("aggregate.json is implausibly large");
                Aggregate.Data data = new ObjectMapper().readValue(aggregate.toFile(), Aggregate.Data.class);
                if (data.runs() != sc.run().replications() || data.runs() < 1) {
                    throw new IllegalArgumentException("it holds " + data.runs() + " runs, not the scenario's " + sc.run().replications());
                }
                return EnsembleResult.restored(sc, m.path("seed").asLong(), m.path("threads").asInt(1),
                        Instant.parse(m.path("started").asText()), Instant.parse(m.path("finished").asText()), data);
            } catch (IOException | RuntimeException e) {
                damaged.accept(org.accords.scenario.BadInputException.clean(String.valueOf(e.getMessage())));
                return null;
            }
        } catch (IOException | RuntimeException unusable) {
            return null; // a damaged or foreign folder is simply not reused
        }
    }
}
