package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accords.TestScenarios;
import org.junit.jupiter.api.Test;

/** `accords backtest` and `accords calibrate` end to end on the mini scenario (which has an observed record). */
class BacktestCalibrateCommandTest extends CliTestBase {

    @Test
    void backtestWritesItsFilesAndTable() throws Exception {
        CliFixture.Result r = CliFixture.exec("backtest", "mini", "--until", "2020-12", "--reps", "40");
        assertEquals(0, r.code(), r.err());
        Path dir = home.resolve("results/backtest-mini-until-2020-12");
        for (String f : List.of("backtest.csv", "backtest.png", "backtest.svg", "backtest.txt", "adoption.csv", "index.html")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        List<String> csv = Files.readAllLines(dir.resolve("backtest.csv"));
        assertEquals("section,model,checkpoint,state,measure,value", csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("timing,abm,2020-08,AAA,")), "the observed join is timed");
        assertTrue(r.out().contains("Brier ABM"), r.out());
        assertTrue(r.out().contains("AAA   2020-08"), r.out());
        assertEquals(1600, javax.imageio.ImageIO.read(dir.resolve("backtest.png").toFile()).getWidth());
    }

    @Test
    void backtestRefusesWhatItCannotScore() {
        TestScenarios.write(home.resolve("scenarios/unobserved.yaml"), "extends: mini\nname: unobserved\nobserved: []\n");
        assertBad(CliFixture.exec("backtest", "unobserved"), "no observed record");
        assertBad(CliFixture.exec("backtest", "mini", "--until", "2030-01"), "--until");
        assertBad(CliFixture.exec("backtest", "mini", "--until", "2020-13"), "--until");
        assertBad(CliFixture.exec("backtest", "mini", "--until", "soon"), "--until");
        assertFalse(Files.exists(home.resolve("results")), "a refused backtest writes nothing");
    }

    @Test
    void calibrationWritesAReproducibleFragmentThatRunsAccept() throws Exception {
        Path a = home.resolve("fit-a.yaml"), b = home.resolve("fit-b.yaml");
        String[] args = {"calibrate", "--scenario", "mini", "--until", "2021-06", "--budget", "24", "--reps", "20", "--seed", "3", "--threads", "2"};
        CliFixture.Result r = CliFixture.exec(concat(args, "--out", a.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals(0, CliFixture.exec(concat(args, "--out", b.toString(), "--quiet")).code());
        assertEquals(Files.readString(a), Files.readString(b), "the same command gives the same fragment");
        String fragment = Files.readString(a);
        assertTrue(fragment.contains("./accords calibrate --until 2021-06 --budget 24 --reps 20 --seed 3"), fragment);
        for (var d : org.accords.experiment.Calibrator.SPACE) {
            assertTrue(fragment.contains(d.key().substring(d.key().lastIndexOf('.') + 1) + ":"), d.key());
        }
        // the loss of the fitted values is no worse than at the start (the start point is one candidate)
        String line = r.out().lines().filter(l -> l.startsWith("monthly loss")).findFirst().orElseThrow();
        double start = Double.parseDouble(line.replaceAll(".*start ([0-9.]+) .*", "$1"));
        double fitted = Double.parseDouble(line.replaceAll(".*in-sample \\([^)]*\\) ([0-9.]+).*", "$1"));
        assertTrue(fitted <= start + 1e-3, line);
        // a run accepts the fragment, and its resolved scenario carries the fitted values
        assertEquals(0, CliFixture.exec("run", "mini", "--params", a.toString(), "--reps", "10", "--out", home.resolve("fitted").toString(), "--quiet").code());
        assertTrue(Files.readString(home.resolve("fitted/scenario.resolved.yaml")).contains("askShare"));
    }

    @Test
    void calibrateRefusesBadSettings() {
        assertBad(CliFixture.exec("calibrate", "--scenario", "mini", "--budget", "0"), "--budget");
        assertBad(CliFixture.exec("calibrate", "--scenario", "mini", "--reps", "-1"), "--reps");
        assertBad(CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2019-01"), "--until");
    }

    private static String[] concat(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    private static void assertBad(CliFixture.Result r, String fragment) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
    }
}
