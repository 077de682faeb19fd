package org.accords.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.accords.experiment.Shard;
import org.accords.experiment.calibration.Point;
import org.accords.report.ShardFolders;
import org.accords.report.WaveFiles;
import org.accords.scenario.BadInputException;

/**
 * The merge of one wave's shards ({@code calibrate --ensemble --wave W --shard K/N}) into a waves
 * folder holding every point of waves 1..W, in evaluation order: the earlier waves' lines as the
 * shards read them, then the wave's, each shard's lines put back at their places. Lines are copied,
 * never reformatted, so the next wave (or the finish) reads exactly what the shards computed.
 */
final class WaveShards {
    private WaveShards() {}

    static Path merge(List<ShardFolders.Found> shards, Path out, boolean force, boolean quiet, PrintWriter print) throws IOException {
        ShardFolders.Found first = shards.get(0);
        // matching.json is part of every shard's input digest, which checkOneStudy found equal
        WaveFiles.Matching m = WaveFiles.readMatching(first.dir());
        int dim = m.dimension();
        int targets = m.targets();
        List<String> earlier = List.of();
        Path after = first.manifest().source() == null ? null : Path.of(first.manifest().source());
        if (m.wave() > 1) {
            if (after == null || !Files.isRegularFile(after.resolve(WaveFiles.POINTS))) {
                throw new BadInputException(null, null, "merge needs the earlier waves the shards of wave " + m.wave() + " were made from, " + after
                        + ", and they are not there");
            }
            if (!WaveFiles.sha256(after.resolve(WaveFiles.POINTS)).equals(m.after())) {
                throw new BadInputException(null, null, after + " has changed since the shards of wave " + m.wave() + " ran; rerun them");
            }
            earlier = WaveFiles.pointLines(after.resolve(WaveFiles.POINTS), dim, targets);
        }
        int firstIndex = earlier.size();
        int total = (int) first.manifest().units();
        String[] wave = new String[total];
        int kept = 0;
        for (ShardFolders.Found f : shards) {
            Shard s = f.manifest().asShard();
            Path file = f.dir().resolve(WaveFiles.POINTS);
            if (!Files.isRegularFile(file)) throw new BadInputException(null, null, "incomplete shard: " + file + " is missing");
            List<String> lines = WaveFiles.pointLines(file, dim, targets);
            if (lines.size() != s.size(total)) {
                throw new BadInputException(null, null, "incomplete shard: " + file + " holds " + lines.size() + " of its " + s.size(total) + " points");
            }
            for (int i = 0; i < lines.size(); i++) {
                Point p = WaveFiles.parse(lines.get(i), dim, targets, file, i + 2);
                long expected = firstIndex + s.unit(i);
                if (p.wave() != m.wave() || p.index() != expected) {
                    throw new BadInputException(null, null, file + ", line " + (i + 2) + ": point " + p.index() + " of wave " + p.wave() + " where shard " + s
                            + " holds point " + expected + " of wave " + m.wave());
                }
                if (p.nonImplausible(EnsembleCalibration.CUTOFF)) kept++;
                wave[(int) s.unit(i)] = lines.get(i);
            }
        }
        Path folder = (out != null ? out : Main.home().resolve("results").resolve(first.manifest().name())).toAbsolutePath().normalize();
        List<String> before = earlier;
        Jobs.intoFolder(folder, force, (dir, cancel) -> {
            WaveFiles.writeMatching(dir, m.withWave(m.wave(), null));
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(WaveFiles.POINTS), StandardCharsets.UTF_8)) {
                w.write(WaveFiles.header(dim, targets));
                w.write('\n');
                for (String l : before) w.write(l + "\n");
                for (String l : wave) w.write(l + "\n");
            }
            return null;
        });
        if (!quiet) {
            print.printf(Locale.ROOT, "history matching wave %d of %d: %,d points merged from %d shards, %,d not ruled out; waves 1..%d in %s%n", m.wave(),
                    m.waves(), total, shards.size(), kept, m.wave(), folder);
            print.println(m.wave() < m.waves() ? "next: calibrate --ensemble K (same options) --wave " + (m.wave() + 1) + " --after " + folder
                    : "finish: calibrate --ensemble K (same options) --after " + folder);
            print.flush();
        }
        return folder;
    }
}
