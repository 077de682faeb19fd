package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.accords.TestScenarios;
import org.accords.report.ResultFolder;
import org.accords.scenario.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing the user owns is destroyed, and every hostile input or odd path ends with exit 0 or 2
 * and one line: tested with real folders, files, devices and pipes.
 */
@Timeout(120)
class SafetyTest extends CliTestBase {

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Exit 2, one line starting "accords: ", containing every fragment, no stack trace, no raw control character. */
    static CliFixture.Result bad(CliFixture.Result r, String... fragments) {
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), r.err());
        assertTrue(err.startsWith("accords: "), err);
        assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("internal error"), err);
        assertTrue(err.chars().noneMatch(c -> c < 0x20 && c != '\t'), "no control characters: " + err);
        for (String f : fragments) assertTrue(err.contains(f), "'" + err + "' lacks '" + f + "'");
        return r;
    }

    private Path runMini(String out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "mini", "--reps", "5", "--threads", "1", "--quiet", "--out", out));
        args.addAll(List.of(more));
        CliFixture.Result r = CliFixture.exec(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        return Path.of(out);
    }

    // ---- --force replaces only what this tool wrote ----------------------------------------------

    @Test
    void forceNeverReplacesAFolderTheToolDidNotWrite() throws Exception {
        // the project's results/ folder: tracked README and example charts
        Path results = home.resolve("results");
        Files.createDirectories(results.resolve("examples"));
        Files.writeString(results.resolve("README.md"), "tracked\n");
        Files.writeString(results.resolve("examples/chart.png"), "png");
        bad(CliFixture.exec("run", "mini", "--reps", "5", "--out", results.toString(), "--force"), "not a result folder written by accords");
        assertEquals("tracked\n", Files.readString(results.resolve("README.md")));
        assertTrue(Files.exists(results.resolve("examples/chart.png")));
        assertEquals(List.of("README.md", "examples"), listing(results), "no temporary or lock files left behind");

        // the home itself (what `--out .` is when run from the project folder)
        bad(CliFixture.exec("run", "mini", "--reps", "5", "--out", home.toString(), "--force"), "--force replaces only a result folder");
        assertTrue(Files.exists(home.resolve("scenarios/mini.yaml")));
        BadInputException dot = assertThrows(BadInputException.class, () -> ResultFolder.checkTarget(Path.of("."), true));
        assertTrue(dot.getMessage().contains("not a result folder"), dot.getMessage());
    }

    @Test
    void forceRefusesAResultFolderTheUserAddedTo() throws Exception {
        Path out = runMini(home.resolve("results/mine").toString());
        Files.writeString(out.resolve("my-notes.md"), "analysis I wrote\n");
        bad(CliFixture.exec("run", "mini", "--reps", "5", "--out", out.toString(), "--force"), "holds files accords did not write", "my-notes.md");
        assertEquals("analysis I wrote\n", Files.readString(out.resolve("my-notes.md")));
        Files.delete(out.resolve("my-notes.md"));
        runMini(out.toString(), "--force");
    }

    @Test
    void aFolderOfAnEarlierVersionIsRecognisedByItsManifest() throws Exception {
        Path out = home.resolve("results/old");
        Files.createDirectories(out);
        Files.writeString(out.resolve("manifest.json"), "{\"tool\" : \"accords-sim\", \"version\" : \"0.1\"}");
        Files.writeString(out.resolve("adoption.csv"), "old\n");
        runMini(out.toString(), "--force");
        assertNotEquals("old\n", Files.readString(out.resolve("adoption.csv")));
        // a manifest of another tool is not enough
        Path other = home.resolve("results/other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("manifest.json"), "{\"tool\" : \"something-else\"}");
        bad(CliFixture.exec("run", "mini", "--reps", "5", "--out", other.toString(), "--force"), "not a result folder");
        assertTrue(Files.exists(other.resolve("manifest.json")));
    }

    // ---- odd --out paths ---------------------------------------------------------------------------

    @Test
    void everyOddOutPathEndsWithExitTwoAndOneLine() throws Exception {
        bad(CliFixture.exec("run", "mini", "--reps", "5", "--out", "/"), "root of the file system");
        bad(CliFixture.exec("run", "mini", "--reps", "5", "--out", "/", "--force"), "root of the file system");
        Path dangling = home.resolve("dangling");
        Files.createSymbolicLink(dangling, home.resolve("nowhere"));
        bad(CliFixture.exec("run", "mini", "--reps", "5", "--out", dangling.toString()), "symbolic link");
        assertTrue(Files.isSymbolicLink(dangling), "the link is left as it was");
        // /proc is a mount point the tool did not write; /proc/x cannot be created
        bad(CliFixture.exec("run", "mini", "--reps", "5", "--out", "/proc", "--force"), "not a result folder");
        bad(CliFixture.exec("run", "mini", "--reps", "5", "--out", "/proc/accords-test-out"));
        bad(CliFixture.exec("backtest", "mini", "--origins", "2020-03", "--horizons", "6", "--reps", "5", "--out", "/"), "root of the file system");
        bad(CliFixture.exec("compare", "mini", home.resolve("scenarios/mini.yaml").toString(), "--out", "/"));
    }

    // ---- concurrent runs, interruptions, stale folders ---------------------------------------------

    @Test
    void aRunIntoAFolderAnotherRunIsWritingStopsAtOnce() throws Exception {
        Path out = home.resolve("results/busy");
        try (ResultFolder other = ResultFolder.open(out, false)) {
            Files.writeString(other.dir().resolve("adoption.csv"), "first run\n");
            bad(CliFixture.exec("run", "mini", "--reps", "5", "--out", out.toString()), "another accords run is writing");
            bad(CliFixture.exec("run", "mini", "--reps", "5", "--out", out.toString(), "--force"), "another accords run is writing");
            other.commit();
        }
        assertEquals("first run\n", Files.readString(out.resolve("adoption.csv")), "the first run's folder stands");
        assertEquals(List.of("busy"), listing(home.resolve("results")));
    }

    @Test
    void twoProcessesIntoTheSameFolderExactlyOneWins() throws Exception {
        Path out = home.resolve("results/race");
        Process a = ChildProcess.accords(home, "run", "mini", "--reps", "20000", "--threads", "1", "--quiet", "--out", out.toString());
        Process b = ChildProcess.accords(home, "run", "mini", "--reps", "20000", "--threads", "1", "--quiet", "--out", out.toString());
        int ca = a.waitFor(), cb = b.waitFor();
        String ea = ChildProcess.stderr(a), eb = ChildProcess.stderr(b);
        assertEquals(List.of(0, 2), Stream.of(ca, cb).sorted().toList(), "exit codes " + ca + " " + cb + ": " + ea + eb);
        String loser = ca == 2 ? ea : eb;
        assertEquals(1, loser.strip().lines().count(), loser);
        assertTrue(loser.contains("another accords run is writing") || loser.contains("already exists"), loser);
        assertTrue(Files.exists(out.resolve("adoption.csv")));
        assertEquals(List.of("race"), listing(home.resolve("results")), "no temporary or lock files");
    }

    @Test
    void sigtermAndSigintStopARunCleanlyAndSayInterrupted() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            Path out = home.resolve("results/sig-" + signal);
            Process p = ChildProcess.accords(home, "run", "mini", "--reps", "10000000", "--threads", "1", "--out", out.toString());
            ChildProcess.awaitHidden(p, home.resolve("results"), ".sig-" + signal + ".tmp-");
            new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
            int code = p.waitFor();
            String err = ChildProcess.stderr(p);
            assertEquals(signal.equals("TERM") ? 143 : 130, code, err);
            assertTrue(err.contains("accords: interrupted"), err);
            assertFalse(err.contains("internal error"), err);
            assertFalse(Files.exists(out));
            assertTrue(listing(home.resolve("results")).stream().noneMatch(n -> n.startsWith(".sig-")), "nothing left: " + listing(home.resolve("results")));
        }
    }

    @Test
    void aKilledRunsLeftoversAreRemovedByTheNextRun() throws Exception {
        Path results = home.resolve("results");
        Process p = ChildProcess.accords(home, "run", "mini", "--reps", "10000000", "--threads", "1", "--out", results.resolve("killed").toString());
        ChildProcess.awaitHidden(p, results, ".killed.tmp-");
        p.destroyForcibly().waitFor();
        assertTrue(listing(results).stream().anyMatch(n -> n.startsWith(".killed.tmp-")), "SIGKILL leaves the hidden temporary folder");
        Path user = results.resolve(".my-hidden.tmp-notes");
        Files.createDirectories(user);
        runMini(results.resolve("next").toString());
        assertEquals(List.of(".my-hidden.tmp-notes", "next"), listing(results), "the tool's leftovers removed, the user's hidden folder kept");
    }

    @Test
    void anInterruptionDuringStartUpIsAnInterruption() throws Exception {
        Interruption.request();
        try {
            CliFixture.Result r = CliFixture.exec("run", "mini", "--reps", "5", "--out", home.resolve("results/x").toString());
            assertEquals(Main.INTERRUPTED, r.code(), r.err());
            assertEquals(Interruption.LINE, r.err().strip());
            assertFalse(Files.exists(home.resolve("results/x")));
            CliFixture.Result c = CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2020-12", "--budget", "4", "--reps", "5",
                    "--out", home.resolve("fit.yaml").toString());
            assertEquals(Main.INTERRUPTED, c.code(), c.err());
            assertEquals(List.of("mini.yaml", "roster.yaml"), listing(home.resolve("scenarios")));
            assertFalse(Files.exists(home.resolve("fit.yaml")));
            assertTrue(listing(home).stream().noneMatch(n -> n.startsWith(".")), "no partial calibration: " + listing(home));
        } finally {
            Interruption.clear();
        }
    }

    @Test
    void resultFoldersFollowTheUmask() throws Exception {
        Path out = runMini(home.resolve("results/perm").toString());
        Path plain = Files.createDirectory(home.resolve("results/plain"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    // ---- inputs ------------------------------------------------------------------------------------

    @Test
    void devicesPipesFoldersAndHugeFilesAreRefusedBeforeReading() throws Exception {
        Path fifo = home.resolve("pipe.yaml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path huge = home.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength((4 << 20) + 1);
        }
        Path folder = Files.createDirectories(home.resolve("folder.yaml"));
        for (Path p : List.of(Path.of("/dev/zero"), fifo, huge, folder)) {
            String name = p.getFileName().toString();
            String why = p.equals(huge) ? "larger than 4 MiB" : p.equals(folder) ? "is a directory" : "not a regular file";
            bad(CliFixture.exec("run", p.toString(), "--reps", "5"), name, why);
            bad(CliFixture.exec("validate", p.toString()), name, why);
            bad(CliFixture.exec("run", "mini", "--reps", "5", "--params", p.toString()), name, why);
            Path viaExtends = home.resolve("scenarios/ext.yaml");
            TestScenarios.write(viaExtends, "extends: " + p + "\nname: ext\n");
            bad(CliFixture.exec("validate", viaExtends.toString()), name, why);
            TestScenarios.write(viaExtends, "extends: mini\nname: ext\nstates: {roster: " + p + "}\n");
            bad(CliFixture.exec("run", viaExtends.toString(), "--reps", "5"), name, why);
        }
        assertFalse(Files.exists(home.resolve("results")));
    }

    @Test
    void aFileValidateRefusesIsRefusedWhateverTheOverrides() {
        Path f = home.resolve("scenarios/negative.yaml");
        TestScenarios.write(f, "extends: mini\nname: negative\nrun: {replications: -10}\n");
        bad(CliFixture.exec("validate", f.toString()), "negative.yaml:3", "run.replications");
        bad(CliFixture.exec("run", f.toString(), "--reps", "20"), "negative.yaml:3", "run.replications");
        bad(CliFixture.exec("run", f.toString(), "--set", "run.replications=20"), "negative.yaml:3", "run.replications");
        bad(CliFixture.exec("run", f.toString(), "--seed", "3", "--reps", "5"), "negative.yaml:3");
        bad(CliFixture.exec("compare", "mini", f.toString(), "--reps", "20"), "negative.yaml:3");
        assertFalse(Files.exists(home.resolve("results")));
    }

    @Test
    void controlCharactersAreRefusedAndNeverEchoedRaw() throws Exception {
        Path f = home.resolve("scenarios/esc.yaml");
        TestScenarios.write(f, "extends: mini\nname: esc\ntitle: \"\\e[31mred\\e[0m title\"\n");
        bad(CliFixture.exec("validate", f.toString()), "esc.yaml:3", "title", "U+001B");
        TestScenarios.write(f, "extends: mini\nname: esc\ndescription: \"right\\u202Eto left\"\n");
        bad(CliFixture.exec("validate", f.toString()), "U+202E");
        bad(CliFixture.exec("run", "no\u001b[2Jsuch", "--reps", "5"), "\\u001b");
        bad(CliFixture.exec("run", "mini", "--set", "title=\u001b]0;pwned\u0007"), "--set title");
        bad(CliFixture.exec("run", "mini", "--set", "title=\"\\e]0;pwned\""), "U+001B");
        bad(CliFixture.exec("run", "mini", "--no\u001bsuch-option"), "\\u001b");
    }

    @Test
    void errorMessagesQuoteOnlyAShortExcerpt() {
        String huge = "x".repeat(20_000);
        Path f = home.resolve("scenarios/long.yaml");
        TestScenarios.write(f, "extends: mini\nname: long\nrun: {seed: " + huge + "}\n");
        CliFixture.Result r = bad(CliFixture.exec("validate", f.toString()), "long.yaml:3", "run.seed", "'xxxxxxxxxx");
        assertTrue(r.err().length() < 700, r.err().length() + " characters");
        r = bad(CliFixture.exec("run", "mini", "--set", "run.end=" + huge), "run.end");
        assertTrue(r.err().length() < 700, r.err().length() + " characters");
    }

    @Test
    void invalidUtf8AndEmptyEffectsAreRefused() throws Exception {
        Path f = home.resolve("scenarios/latin1.yaml");
        Files.write(f, "extends: mini\nname: latin1\ntitle: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        bad(CliFixture.exec("validate", f.toString()), "latin1.yaml:3", "not valid UTF-8");
        Path e = home.resolve("scenarios/empty-effects.yaml");
        TestScenarios.write(e, "extends: mini\nname: e\nshocks:\n  - {id: quiet, start: 2020-03, effects: {}}\n");
        bad(CliFixture.exec("validate", e.toString()), "shocks.quiet.effects", "no effects", "effects: none");
        TestScenarios.write(e, "extends: mini\nname: e\nshocks:\n  - {id: quiet, start: 2020-03, effects: none}\n");
        assertEquals(0, CliFixture.exec("validate", e.toString()).code(), "a shock only marked on charts");
    }

    @Test
    void aStateTwiceInATargetIsRefused() {
        Path f = home.resolve("scenarios/twice.yaml");
        TestScenarios.write(f, "extends: mini\nname: twice\nshocks:\n  - {id: push, start: 2020-03, target: [AAA, BBB, AAA], effects: {usRewards: 1}}\n");
        bad(CliFixture.exec("validate", f.toString()), "twice.yaml:4", "shocks.push.target", "AAA is listed twice");
    }

    @Test
    void aFileWithoutNameIsNamedAfterItself() throws Exception {
        Path f = home.resolve("scenarios/my-variant.yaml");
        TestScenarios.write(f, "extends: mini\nmodel: {maxHazard: 0.2}\n");
        CliFixture.Result r = CliFixture.exec("run", f.toString(), "--reps", "5", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(home.resolve("results/my-variant/adoption.csv")));
        assertFalse(Files.exists(home.resolve("results/mini")), "never into the folder of the file it extends");
    }

    @Test
    void threadsAreCappedWithANote() {
        CliFixture.Result r = CliFixture.exec("run", "mini", "--reps", "5", "--threads", "100000", "--quiet", "--out", home.resolve("t").toString());
        assertEquals(0, r.code(), r.err());
        int cap = EnsembleOptions.THREADS_PER_CORE * Runtime.getRuntime().availableProcessors();
        assertTrue(r.err().contains("--threads 100000 capped at " + cap), r.err());
    }

    @Test
    void paramsMergesAnyKeysAsItsHelpSays() throws Exception {
        CliFixture.Result help = CliFixture.exec("run", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("Merge a scenario fragment over the scenario"), help.out());
        Path frag = home.resolve("frag.yaml");
        TestScenarios.write(frag, "shocks:\n  - {id: extra, start: 2020-04, effects: {usRewards: 0.5}}\nmodel: {maxHazard: 0.25}\n");
        Path out = runMini(home.resolve("p").toString(), "--params", frag.toString());
        String resolved = Files.readString(out.resolve("scenario.resolved.yaml"));
        assertTrue(resolved.contains("id: extra") && resolved.contains("maxHazard: 0.25"), resolved);
    }

    // ---- calibrate and list ------------------------------------------------------------------------

    @Test
    void calibrateChecksItsTargetBeforeFittingAndLeavesNoTemporaryFile() throws Exception {
        CliFixture.Result r = bad(CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2020-12", "--budget", "400", "--reps", "50",
                "--out", "/proc/accords-fit.yaml"), "--out", "cannot write in /proc");
        assertFalse(r.err().contains("evaluation"));
        bad(CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2020-12", "--out", "/"));
        Path fit = home.resolve("scenarios/_fit.yaml");
        CliFixture.Result ok = CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2020-12", "--budget", "4", "--reps", "5",
                "--out", fit.toString(), "--quiet");
        assertEquals(0, ok.code(), ok.err());
        assertEquals(List.of("_fit.yaml", "mini.yaml", "roster.yaml"), listing(home.resolve("scenarios")), "only the fragment, no hidden file");
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("scenarios/mini.yaml"))),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(fit)), "the fragment follows the umask like any file");
    }

    @Test
    void listNeverShowsHiddenFiles() throws Exception {
        Files.copy(home.resolve("scenarios/mini.yaml"), home.resolve("scenarios/.mini.yaml.tmp-1.yaml"));
        Files.copy(home.resolve("scenarios/mini.yaml"), home.resolve("scenarios/.hidden.yaml"));
        CliFixture.Result r = CliFixture.exec("list");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().startsWith("mini "), r.out());
    }

    // ---- compare reuses only a consistent aggregate.json --------------------------------------------

    @Test
    void compareRerunsAScenarioWhoseAggregateIsInconsistent() throws Exception {
        Path other = home.resolve("scenarios/other.yaml");
        TestScenarios.write(other, "extends: mini\nname: other\nmodel: {maxHazard: 0.1}\n");
        CliFixture.Result first = CliFixture.exec("compare", "mini", "other", "--reps", "40", "--threads", "1", "--out", home.resolve("c1").toString());
        assertEquals(0, first.code(), first.err());
        Path aggregate = home.resolve("results/mini/aggregate.json");
        String json = Files.readString(aggregate);
        // one more run in the first month's histogram: a count no ensemble can produce
        Files.writeString(aggregate, json.replaceFirst("\"memberHistogram\":\\[(\\d+)", "\"memberHistogram\":[9$1"));
        CliFixture.Result again = CliFixture.exec("compare", "mini", "other", "--reps", "40", "--threads", "1", "--out", home.resolve("c2").toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("aggregate.json is inconsistent") && again.err().contains("running 'mini' again"), again.err());
        assertEquals(Files.readString(home.resolve("c1/compare.csv")), Files.readString(home.resolve("c2/compare.csv")),
                "the rerun gives the true numbers");
    }
}
