package org.accords.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accords.experiment.ExperimentSpec;
import org.accords.experiment.Factor;
import org.accords.experiment.Outcome;
import org.accords.experiment.PointLoop;
import org.accords.scenario.BadInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The data files of an experiment folder. {@code design.csv} and {@code manifest.json} are
 * written first; {@code outcomes.csv} (tidy: point, outcome, value, mc_se) grows by one block of
 * rows per finished point, flushed as it finishes, so an interrupted experiment keeps its
 * finished points and {@code --resume} continues after the last complete one. The manifest has no
 * times or thread counts, so a resumed folder is byte for byte the uninterrupted one.
 */
public final class ExperimentFiles implements PointLoop.Sink, AutoCloseable {
    public static final String DESIGN = "design.csv";
    public static final String OUTCOMES = "outcomes.csv";
    public static final String MANIFEST = "manifest.json";
    static final String OUTCOMES_HEADER = "point,outcome,value,mc_se";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private final CSVPrinter out;
    private final List<String> outcomeNames;
    private final BitSet done;

    private ExperimentFiles(CSVPrinter out, List<String> outcomeNames, BitSet done) {
        this.out = out;
        this.outcomeNames = outcomeNames;
        this.done = done;
    }

    /** Points already in outcomes.csv (after a resume); run the others. */
    public boolean isDone(int point) { return done.get(point); }

    public int doneCount() { return done.cardinality(); }

    /**
     * Opens an experiment folder for writing. A new folder gets the design and manifest; with
     * {@code resume}, an existing folder must hold the same experiment (same design.csv and
     * manifest), and outcomes.csv is cut after its last complete point.
     */
    public static ExperimentFiles open(Path dir, String designCsv, String manifest, List<String> outcomeNames,
                                       boolean resume) throws IOException {
        Path outcomes = dir.resolve(OUTCOMES);
        BitSet done = new BitSet();
        if (resume && Files.isRegularFile(dir.resolve(MANIFEST))) {
            if (!Files.isRegularFile(dir.resolve(DESIGN)) || !Files.readString(dir.resolve(DESIGN)).equals(designCsv)
                    || !sameExperiment(Files.readString(dir.resolve(MANIFEST)), manifest)) {
                throw new BadInputException(null, null, "cannot resume: " + dir + " holds another experiment (its design or manifest differ); "
                        + "use --force to start again or --out to choose another folder");
            }
            if (Files.isRegularFile(outcomes)) cutAfterLastCompletePoint(outcomes, outcomeNames.size(), done);
        } else {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(DESIGN), designCsv, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
            Files.deleteIfExists(outcomes);
        }
        boolean fresh = !Files.isRegularFile(outcomes) || Files.size(outcomes) == 0;
        BufferedWriter w = Files.newBufferedWriter(outcomes, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        CSVPrinter printer = new CSVPrinter(w, FORMAT);
        if (fresh) {
            printer.printRecord((Object[]) OUTCOMES_HEADER.split(","));
            printer.flush();
        }
        return new ExperimentFiles(printer, outcomeNames, done);
    }

    private static boolean sameExperiment(String a, String b) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode x = json.readTree(a);
        JsonNode y = json.readTree(b);
        if (x instanceof ObjectNode ox) ox.remove("complete");
        if (y instanceof ObjectNode oy) oy.remove("complete");
        return x.equals(y);
    }

    /** Keeps the rows of points that have all their outcomes; drops a partial last point or line. */
    static void cutAfterLastCompletePoint(Path outcomes, int perPoint, BitSet done) throws IOException {
        byte[] bytes = Files.readAllBytes(outcomes);
        long keep = 0;
        int lineStart = 0;
        int line = 0;
        int current = -1;
        int rows = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') continue;
            String text = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
            lineStart = i + 1;
            if (line++ == 0) {
                if (!text.equals(OUTCOMES_HEADER)) throw new BadInputException(null, null, "cannot resume: " + outcomes + " has an unexpected header");
                keep = i + 1;
                continue;
            }
            int comma = text.indexOf(',');
            int point;
            try {
                point = Integer.parseInt(text.substring(0, Math.max(0, comma)));
            } catch (NumberFormatException e) {
                throw new BadInputException(null, null, "cannot resume: " + outcomes + " line " + line + " is not a point's row");
            }
            if (point != current) {
                current = point;
                rows = 0;
            }
            if (++rows == perPoint) {
                done.set(point);
                keep = i + 1;
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(outcomes.toFile(), "rw")) {
            f.setLength(keep);
        }
    }

    @Override
    public void accept(int point, Outcome.Value[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            double se = Double.isNaN(values[i].mcVariance()) ? Double.NaN : Math.sqrt(values[i].mcVariance());
            out.printRecord(point, outcomeNames.get(i), Num.fmt(values[i].value(), 6), Num.fmt(se, 6));
        }
        out.flush();
        done.set(point);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** design.csv: the point id, then each factor's value as written in a scenario file. */
    public static String designCsv(List<Factor> factors, double[][] unit) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, FORMAT)) {
            List<Object> header = new ArrayList<>();
            header.add("point");
            for (Factor f : factors) header.add(f.name());
            p.printRecord(header);
            for (int i = 0; i < unit.length; i++) {
                List<Object> row = new ArrayList<>();
                row.add(i);
                for (int j = 0; j < factors.size(); j++) row.add(factors.get(j).text(unit[i][j]));
                p.printRecord(row);
            }
        }
        return sb.toString();
    }

    public static String manifest(ExperimentSpec spec, ExperimentSpec.DesignSpec design, String scenarioName, long seed,
                                  int points, String version, boolean complete) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "accords-sim");
        m.put("version", version);
        m.put("experiment", spec.name());
        m.put("title", spec.title());
        m.put("scenario", scenarioName);
        m.put("set", spec.set());
        m.put("seed", seed);
        m.put("replications", spec.replications());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", design.type().name().toLowerCase());
        d.put("size", design.size());
        d.put("seed", design.seed());
        if (design.type() == ExperimentSpec.DesignType.MORRIS) d.put("levels", design.levels());
        if (design.type() == ExperimentSpec.DesignType.SALTELLI) d.put("secondOrder", design.secondOrder());
        m.put("design", d);
        m.put("points", points);
        List<Object> fs = new ArrayList<>();
        for (Factor f : spec.factors()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", f.name());
            x.put("key", f.key());
            if (f.keys().size() > 1) x.put("keys", f.keys());
            x.put("values", f.describe());
            fs.add(x);
        }
        m.put("factors", fs);
        List<Object> os = new ArrayList<>();
        for (Outcome o : spec.outcomes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", o.name());
            x.put("measure", o.measure().key);
            x.put("label", o.label());
            os.add(x);
        }
        m.put("outcomes", os);
        m.put("complete", complete);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
    }

    /** Outcome values and their Monte Carlo standard errors, [point][outcome], NaN where missing. */
    public record Table(double[][] value, double[][] se) {}

    /** Reads outcomes.csv back (for charts and analysis, after the points have run). */
    public static Table readOutcomes(Path dir, List<String> outcomeNames, int points) throws IOException {
        double[][] v = new double[points][outcomeNames.size()];
        double[][] se = new double[points][outcomeNames.size()];
        for (double[] row : v) Arrays.fill(row, Double.NaN);
        for (double[] row : se) Arrays.fill(row, Double.NaN);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < outcomeNames.size(); i++) index.put(outcomeNames.get(i), i);
        List<String> lines = Files.readAllLines(dir.resolve(OUTCOMES), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Integer o = index.get(f[1]);
            if (o == null) continue;
            int p = Integer.parseInt(f[0]);
            if (!f[2].isEmpty()) v[p][o] = Double.parseDouble(f[2]);
            if (!f[3].isEmpty()) se[p][o] = Double.parseDouble(f[3]);
        }
        return new Table(v, se);
    }

    /** Marks the manifest complete. */
    public static void complete(Path dir, String manifestComplete) throws IOException {
        Files.writeString(dir.resolve(MANIFEST), manifestComplete, StandardCharsets.UTF_8);
    }
}
