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
    void backtestScoresEventsAfterEachOriginForEveryModel() throws Exception {
        CliFixture.Result r = CliFixture.exec("backtest", "mini", "--origins", "2019-12,2020-01,2021-01", "--horizons", "6,12",
                "--reps", "40", "--fitted-through", "2020-01");
        assertEquals(0, r.code(), r.err());
        Path dir = home.resolve("results/backtest-mini");
        for (String f : List.of("windows.csv", "events.csv", "summary.csv", "backtest.png", "backtest.svg", "backtest.txt", "index.html")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        List<String> events = Files.readAllLines(dir.resolve("events.csv"));
        assertEquals("origin,horizon,state,at_risk_of,happened,p_abm,p_persistence,p_persistence_rate,p_logistic", events.get(0));
        // AAA joins 2020-08: inside 12 months from 2019-12, not inside 6; persistence gives 0
        assertTrue(events.stream().anyMatch(l -> l.startsWith("2019-12,12,AAA,join,1,") && l.contains(",0,")), String.join("\n", events));
        assertTrue(events.stream().anyMatch(l -> l.startsWith("2019-12,6,AAA,join,0,")), String.join("\n", events));
        List<String> windows = Files.readAllLines(dir.resolve("windows.csv"));
        // parameters fitted through 2020-01: the 2019-12 origin is in sample for the ABM, 2020-01 out; competitors always out
        assertTrue(windows.stream().anyMatch(l -> l.startsWith("2019-12,12,abm,IN,4,1,")), String.join("\n", windows));
        assertTrue(windows.stream().anyMatch(l -> l.startsWith("2020-01,12,abm,OUT,4,1,")), String.join("\n", windows));
        assertTrue(windows.stream().anyMatch(l -> l.startsWith("2019-12,12,persistence,OUT,4,1,0.25,")), "persistence's Brier: one event in four states");
        // pooled rows and the aim lines say it too: over all 12-month windows the ABM mixes in and out of sample
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertTrue(summary.get(0).startsWith("horizon,windows,model,sample,items,"), summary.get(0));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("12,all,abm,IN+OUT,")), String.join("\n", summary));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("12,ABM out of sample,abm,OUT,")), String.join("\n", summary));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("12,all,persistence,OUT,")), String.join("\n", summary));
        assertTrue(r.out().contains("aim: h=12, all windows: ABM mean log score") && r.out().contains("; ABM IN+OUT of sample)"), r.out());
        assertTrue(r.out().contains("; ABM OUT of sample)"), r.out());
        assertTrue(r.out().contains("2021-01    6  not scored: window ends 2021-07, after the record (2021-06)"), r.out());
        assertTrue(r.out().contains("fitted through 2020-01"), r.out());
        assertEquals(1600, javax.imageio.ImageIO.read(dir.resolve("backtest.png").toFile()).getWidth());
        // the same command writes the same files
        assertEquals(0, CliFixture.exec("backtest", "mini", "--origins", "2019-12,2020-01,2021-01", "--horizons", "6,12",
                "--reps", "40", "--fitted-through", "2020-01", "--out", home.resolve("again").toString(), "--quiet").code());
        for (String f : List.of("windows.csv", "events.csv", "summary.csv", "backtest.txt")) {
            assertEquals(Files.readString(dir.resolve(f)), Files.readString(home.resolve("again").resolve(f)), f);
        }
    }

    @Test
    void refitCalibratesOnTheRecordUpToEachOriginSoTheAbmIsOutOfSample() throws Exception {
        CliFixture.Result r = CliFixture.exec("backtest", "mini", "--origins", "2020-03,2020-12", "--horizons", "6", "--reps", "20",
                "--refit", "--refit-budget", "6", "--refit-reps", "5", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("refitted on the record up to each origin"), r.out());
        List<String> windows = Files.readAllLines(home.resolve("results/backtest-mini/windows.csv"));
        assertTrue(windows.stream().anyMatch(l -> l.startsWith("2020-12,6,abm,OUT,")), String.join("\n", windows));
        assertTrue(r.out().contains("2020-03    6  not scored: the ABM cannot start from this origin: --refit: fewer than 12 months of record before 2020-03"), r.out());
        assertFalse(windows.stream().anyMatch(l -> l.contains(",IN,")), String.join("\n", windows));
    }

    @Test
    void backtestRefusesWhatItCannotScore() {
        TestScenarios.write(home.resolve("scenarios/unobserved.yaml"), "extends: mini\nname: unobserved\nobserved: []\n");
        assertBad(CliFixture.exec("backtest", "unobserved"), "no observed record");
        assertBad(CliFixture.exec("backtest", "mini", "--origins", "2020-13"), "--origins");
        assertBad(CliFixture.exec("backtest", "mini", "--origins", "soon"), "--origins");
        assertBad(CliFixture.exec("backtest", "mini", "--horizons", "0"), "--horizons");
        assertBad(CliFixture.exec("backtest", "mini", "--fitted-through", "later"), "--fitted-through");
        assertFalse(Files.exists(home.resolve("results")), "a refused backtest writes nothing");
    }

    @Test
    void backtestRefusesARewardThatStartsWithTheJoinItWouldForecast() {
        TestScenarios.write(home.resolve("scenarios/leaky.yaml"), """
                extends: mini
                name: leaky
                shocks:
                  - id: aaa-reward
                    start: 2020-08
                    target: [AAA]
                    effects: {usRewards: 1.0}
                """);
        CliFixture.Result r = CliFixture.exec("backtest", "leaky");
        assertBad(r, "leaky.yaml:5: shocks.aaa-reward.start");
        assertTrue(r.err().contains("AAA is observed to join"), r.err());
        assertFalse(Files.exists(home.resolve("results")));
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
        for (String key : org.accords.experiment.Calibrator.SPACE.keys()) {
            assertTrue(fragment.contains(key.substring(key.lastIndexOf(".") + 1) + ":"), key);
        }
        // the loss of the fitted values is no worse than at the start (the start point is one candidate)
        String line = r.out().lines().filter(l -> l.startsWith("loss (")).findFirst().orElseThrow();
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
