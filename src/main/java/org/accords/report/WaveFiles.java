package org.accords.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.accords.experiment.calibration.Point;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Origin;

/**
 * The files of a history match computed wave by wave ({@code calibrate --ensemble --wave W}): every
 * evaluated point, exactly (each double as Java writes it, which reads back bit for bit, so a match
 * continued from the file is the match run in one go), and the settings the waves were made with.
 */
public final class WaveFiles {
    /** The settings, in every wave shard and merged waves folder. */
    public static final String MATCHING = "matching.json";
    /** The evaluated points: a shard's share of its wave, or in a merged folder every point of waves 1..W. */
    public static final String POINTS = "wave-points.csv";

    private WaveFiles() {}

    /**
     * What a wave folder was made with; a continuation must match it.
     *
     * @param input SHA-256 of the history scenario as resolved, and its roster
     * @param wave  in a shard, the wave it computed; in a merged folder, the last wave it holds
     * @param after in a shard of wave 2 or later, SHA-256 of the earlier waves' points file it read; else null
     */
    public record Matching(String tool, String version, String scenario, String input, String until, int reps, int waves, int points,
                           String rule, long seed, int dimension, int targets, int wave, String after) {
        public Matching withWave(int w, String after) {
            return new Matching(tool, version, scenario, input, until, reps, waves, points, rule, seed, dimension, targets, w, after);
        }

        /** The first option in which another match differs from this one, as "--points 40 (not 50)"; null when none does. */
        public String differenceFrom(Matching o) {
            if (!version.equals(o.version)) return "accords-sim version " + version + " (not " + o.version + ")";
            if (!input.equals(o.input)) return "another history scenario or roster";
            if (!until.equals(o.until)) return "--until " + until + " (not " + o.until + ")";
            if (reps != o.reps) return "--reps " + reps + " (not " + o.reps + ")";
            if (waves != o.waves) return "--waves " + waves + " (not " + o.waves + ")";
            if (points != o.points) return "--points " + points + " (not " + o.points + ")";
            if (!rule.equals(o.rule)) return "--rule " + rule + " (not " + o.rule + ")";
            if (seed != o.seed) return "--seed " + seed + " (not " + o.seed + ")";
            if (dimension != o.dimension || targets != o.targets) return "another parameter space or other targets";
            return null;
        }
    }

    public static void writeMatching(Path dir, Matching m) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(MATCHING).toFile(), m);
    }

    public static Matching readMatching(Path dir) {
        Path f = dir.resolve(MATCHING);
        if (!Files.isRegularFile(f)) throw new BadInputException(null, null, dir + " holds no waves of a history match (no " + MATCHING + ")");
        try {
            return new ObjectMapper().readValue(f.toFile(), Matching.class);
        } catch (IOException e) {
            throw new BadInputException(null, null, f + ": unreadable settings of a history match (" + e.getClass().getSimpleName() + ")");
        }
    }

    public static String header(int dimension, int targets) {
        StringBuilder h = new StringBuilder("index,wave,summary");
        for (int d = 0; d < dimension; d++) h.append(",x").append(d);
        for (String what : List.of("mean", "variance", "implausibility")) for (int t = 0; t < targets; t++) h.append(',').append(what).append(t);
        return h.toString();
    }

    public static String line(Point p) {
        StringBuilder l = new StringBuilder().append(p.index()).append(',').append(p.wave()).append(',').append(p.summary());
        for (double[] a : List.of(p.x(), p.mean(), p.variance(), p.implausibility())) for (double v : a) l.append(',').append(v);
        return l.toString();
    }

    /** Writes points (the header, then one line each, in the order given). */
    public static void writePoints(Path file, int dimension, int targets, List<Point> points) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header(dimension, targets));
            w.write('\n');
            for (Point p : points) {
                w.write(line(p));
                w.write('\n');
            }
        }
    }

    /** The lines of a points file after its header, checked to have the expected header. */
    public static List<String> pointLines(Path file, int dimension, int targets) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(new Origin(file.toString(), 0), null, "cannot read the points of a history match (" + e.getClass().getSimpleName() + ")");
        }
        if (lines.isEmpty() || !lines.get(0).equals(header(dimension, targets))) {
            throw new BadInputException(new Origin(file.toString(), 1), null, "not a points file of this history match (header differs)");
        }
        return lines.subList(1, lines.size());
    }

    /** Parses one line of a points file; {@code lineNo} (1-based, header included) for the message. */
    public static Point parse(String line, int dimension, int targets, Path file, int lineNo) {
        String[] c = line.split(",", -1);
        if (c.length != 3 + dimension + 3 * targets) {
            throw new BadInputException(new Origin(file.toString(), lineNo), null, "expected " + (3 + dimension + 3 * targets) + " columns, found " + c.length);
        }
        try {
            int at = 3;
            double[][] arrays = new double[4][];
            int[] sizes = {dimension, targets, targets, targets};
            for (int a = 0; a < 4; a++) {
                arrays[a] = new double[sizes[a]];
                for (int i = 0; i < sizes[a]; i++) arrays[a][i] = Double.parseDouble(c[at++]);
            }
            return new Point(arrays[0], arrays[1], arrays[2], arrays[3], Double.parseDouble(c[2]), Integer.parseInt(c[1]), Integer.parseInt(c[0]));
        } catch (NumberFormatException e) {
            throw new BadInputException(new Origin(file.toString(), lineNo), null, "not a number (" + e.getMessage() + ")");
        }
    }

    /** Every point of a points file, in file order. */
    public static List<Point> readPoints(Path file, int dimension, int targets) {
        List<String> lines = pointLines(file, dimension, targets);
        List<Point> points = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) points.add(parse(lines.get(i), dimension, targets, file, i + 2));
        return points;
    }

    /** SHA-256 of a file, hex. */
    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    public static String sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
