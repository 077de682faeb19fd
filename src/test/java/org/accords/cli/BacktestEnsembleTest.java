package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accords.TestScenarios;
import org.junit.jupiter.api.Test;

/** `accords backtest` over a parameter ensemble, end to end on the mini scenario's 'calib' variant. */
class BacktestEnsembleTest extends CliTestBase {
    /** The ensemble of EnsembleRunTest, as calibrate writes it: its command says it was matched through 2020-01. */
    static final String ENSEMBLE = EnsembleRunTest.ENSEMBLE.replace("hand-written for a test",
            "./accords calibrate --ensemble 3 --until 2020-01 --waves 1 --points 20 --reps 4 --rule second-max --seed 1");
    static final String[] WINDOWS = {"--origins", "2019-12,2020-01", "--horizons", "6,12", "--reps", "40"};

    CliFixture.Result backtest(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("backtest", "calib"),
                java.util.stream.Stream.concat(java.util.Arrays.stream(WINDOWS), java.util.Arrays.stream(args))).toArray(String[]::new);
        CliFixture.Result r = CliFixture.exec(all);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    List<String> lines(String folder, String file) throws Exception {
        return Files.readAllLines(home.resolve(folder).resolve(file));
    }

    @Test
    void backtestRunsOverTheCommittedEnsembleWithTheEnsemblesFittedThroughMonth() throws Exception {
        EnsembleRunTest.committedEnsemble(home, ENSEMBLE);
        CliFixture.Result r = backtest("--out", home.resolve("ens").toString());
        assertTrue(r.out().contains("_ensemble.yaml (replication r uses set r mod 3), fitted through 2020-01"), r.out());
        List<String> windows = lines("ens", "windows.csv");
        // matched through 2020-01 (the ensemble's --until): the 2019-12 origin is in sample for the ABM, 2020-01 out
        assertTrue(windows.stream().anyMatch(l -> l.startsWith("2019-12,12,abm,IN,")), String.join("\n", windows));
        assertTrue(windows.stream().anyMatch(l -> l.startsWith("2020-01,12,abm,OUT,")), String.join("\n", windows));
        assertTrue(windows.stream().anyMatch(l -> l.startsWith("2019-12,12,persistence,OUT,")), "competitors are always out of sample");

        backtest("--params", "point", "--out", home.resolve("point").toString(), "--quiet");
        assertFalse(lines("ens", "events.csv").equals(lines("point", "events.csv")), "the sets change the ABM's forecasts");
        // the competitors do not depend on the ABM's parameters
        assertEquals(column(lines("point", "events.csv"), 6), column(lines("ens", "events.csv"), 6), "persistence");
        assertEquals(column(lines("point", "events.csv"), 8), column(lines("ens", "events.csv"), 8), "logistic");

        // --fitted-through overrides the ensemble's month
        CliFixture.Result later = backtest("--fitted-through", "2021-06", "--out", home.resolve("later").toString());
        assertTrue(later.out().contains("fitted through 2021-06"), later.out());
        assertFalse(lines("later", "windows.csv").stream().anyMatch(l -> l.contains(",abm,OUT,")), "everything before 2021-06 is in sample");
    }

    @Test
    void anEnsembleOfTheScenariosOwnValuesForecastsLikeThePoint() throws Exception {
        EnsembleRunTest.committedEnsemble(home, ENSEMBLE);
        backtest("--params", "point", "--out", home.resolve("point").toString(), "--quiet");
        // two sets, both with the values of _calibrated.yaml: replication k under set k mod 2 is the point's replication k
        Path same = home.resolve("same.yaml");
        TestScenarios.write(same, """
                command: "./accords calibrate --ensemble 2 --until 2020-01"
                sets:
                  - id: 1
                    values: {model.joinThreshold: 1.0, model.weights.usRewards: 1.0, model.weights.palestinianPressure: 1.0}
                  - id: 2
                    values: {model.joinThreshold: 1.0, model.weights.usRewards: 1.0, model.weights.palestinianPressure: 1.0}
                """);
        CliFixture.Result r = backtest("--params", same.toString(), "--out", home.resolve("same").toString());
        assertTrue(r.out().contains("2 parameter sets of ") && r.out().contains("same.yaml (replication r uses set r mod 2)"), r.out());
        assertEquals(lines("point", "events.csv"), lines("same", "events.csv"));
    }

    @Test
    void refitCannotRunOverAnEnsembleNamedOnTheCommandLine() {
        EnsembleRunTest.committedEnsemble(home, ENSEMBLE);
        CliFixture.Result r = CliFixture.exec("backtest", "calib", "--refit", "--params", "ensemble");
        EnsembleRunTest.assertBad(r, "--params");
        assertTrue(r.err().contains("--refit"), r.err());
        assertFalse(Files.exists(home.resolve("results")), "nothing written");
    }

    private static List<String> column(List<String> csv, int i) {
        return csv.stream().map(l -> l.split(",")[i]).toList();
    }
}
