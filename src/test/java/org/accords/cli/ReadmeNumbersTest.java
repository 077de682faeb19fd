package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.accords.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's numbers are the ones the code produces: its example comparison is rerun (the
 * presets at their own seeds and replications) and must print exactly the table the README
 * shows; the seeds it names are the presets' seeds. When the model changes on purpose, rerun the
 * command the block names (`./accords compare ... --readme README.md`) and commit the README.
 */
class ReadmeNumbersTest {
    static final Path README = Path.of("README.md");

    @TempDir
    Path root;

    private final String savedHome = System.getProperty("accords.home");

    @AfterEach
    void restoreHome() {
        if (savedHome == null) System.clearProperty("accords.home");
        else System.setProperty("accords.home", savedHome);
    }

    @Test
    void theExampleComparisonPrintsWhatTheReadmeShows() throws IOException {
        List<String> block = CompareCommand.README_BLOCK.inside(README);
        assertTrue(block.size() > 4 && block.get(0).equals("```") && block.get(1).startsWith("$ ./accords compare "), "the block: " + block);
        String command = block.get(1).substring("$ ./accords ".length());
        // the presets as committed, in a home of their own (compare writes run folders under results/)
        copy(Path.of("scenarios"), root.resolve("scenarios"));
        System.setProperty("accords.home", root.toString());
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.addAll(List.of("--out", root.resolve("cmp").toString(), "--quiet", "--threads", "2"));
        CliFixture.Result r = CliFixture.exec(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        String shown = String.join("\n", block.subList(2, block.size() - 1)) + "\n";
        assertEquals(Files.readString(root.resolve("cmp/summary.txt")), shown,
                "README.md's compare block is stale: run `./accords " + command + " --readme README.md`");
        // like with like: what-ifs of the outlook against the outlook
        assertTrue(command.startsWith("compare outlook "), command);
    }

    @Test
    void theSeedsTheReadmeNamesAreThePresetsSeeds() throws IOException {
        String readme = Files.readString(README);
        assertTrue(readme.contains("Every preset but `baseline` runs with seed 2020") && readme.contains("`baseline` keeps seed 7"));
        ScenarioLoader loader = new ScenarioLoader(Path.of("scenarios"));
        List<String> presets = loader.presetNames();
        assertTrue(presets.size() >= 10, presets.toString());
        for (String p : presets) assertEquals(p.equals("baseline") ? 7 : 2020, loader.load(p).run().seed(), p);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            all.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(target);
                    else Files.copy(p, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
