package org.accords.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Origin;

/**
 * A generated block of a markdown file (the README): the lines from one starting with
 * {@code <!-- NAME:begin} to the line {@code <!-- NAME:end -->}, rewritten by the command that
 * computes them, so the numbers a reader sees are the ones the code produces.
 */
public record ReadmeBlock(String name) {
    public String begin() { return "<!-- " + name + ":begin"; }

    public String end() { return "<!-- " + name + ":end -->"; }

    /** Checks that {@code file} holds exactly one such block; refuses with the file and line otherwise. Returns its lines. */
    public List<String> check(Path file) {
        if (!Files.isRegularFile(file)) throw new BadInputException(new Origin(file.toString(), 0), null, "no such file");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new BadInputException(new Origin(file.toString(), 0), null, "cannot read file (" + e.getClass().getSimpleName() + ")");
        }
        int from = -1, to = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(begin())) {
                if (from >= 0) throw new BadInputException(new Origin(file.toString(), i + 1), null, "a second " + name + " block; keep one");
                from = i;
            } else if (lines.get(i).strip().equals(end())) {
                if (from < 0 || to >= 0) throw new BadInputException(new Origin(file.toString(), i + 1), null, end() + " without a block begun before it");
                to = i;
            }
        }
        if (from < 0 || to < 0) {
            throw new BadInputException(new Origin(file.toString(), from < 0 ? 0 : from + 1), null,
                    "no " + name + " block: put a line '" + begin() + " -->' and a line '" + end() + "' where it goes");
        }
        return lines;
    }

    /** The lines strictly inside the block of {@code file} (checked as by {@link #check}). */
    public List<String> inside(Path file) {
        List<String> lines = check(file);
        int from = 0;
        while (!lines.get(from).startsWith(begin())) from++;
        int to = from;
        while (!lines.get(to).strip().equals(end())) to++;
        return lines.subList(from + 1, to);
    }

    /** Replaces the block of {@code file} with {@code block} (markers included), atomically. */
    public void replace(Path file, String block) throws IOException {
        List<String> lines = check(file);
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith(begin())) {
                in = true;
                out.append(block);
            } else if (in && line.strip().equals(end())) {
                in = false;
            } else if (!in) {
                out.append(line).append('\n');
            }
        }
        ResultFolder.replaceFile(file, out.toString());
    }
}
