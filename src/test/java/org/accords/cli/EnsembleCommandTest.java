package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accords.experiment.Calibrator;
import org.accords.scenario.ParameterSets;
import org.junit.jupiter.api.Test;

/** `accords calibrate --ensemble` end to end on the mini scenario (which has an observed record). */
class EnsembleCommandTest extends CliTestBase {
    static final String[] CALIBRATE = {"calibrate", "--ensemble", "6", "--scenario", "mini", "--until", "2021-06", "--waves", "2",
            "--points", "40", "--reps", "8", "--seed", "3"};

    Path calibrate(String name, String threads) {
        Path file = home.resolve(name + ".yaml");
        CliFixture.Result r = CliFixture.exec(concat(CALIBRATE, "--threads", threads, "--out", file.toString(), "--page", home.resolve(name).toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wave 2:"), r.out());
        return file;
    }

    @Test
    void writesAnEnsembleWithinTheBoundsThatDoesNotDependOnThreads() throws Exception {
        Path a = calibrate("ens-a", "2");
        Path b = calibrate("ens-b", "1");
        assertEquals(Files.readString(a), Files.readString(b), "same command, any thread count: same ensemble");
        ParameterSets sets = ParameterSets.read(a);
        assertTrue(sets.size() >= 1 && sets.size() <= 6, "at most K sets: " + sets.size());
        assertEquals(Calibrator.SPACE.keys(), sets.keys());
        assertTrue(sets.command().startsWith("./accords calibrate --ensemble 6 --until 2021-06 --waves 2 --points 40 --reps 8 --rule k-max --seed 3"),
                sets.command());
        for (ParameterSets.Member m : sets.sets()) {
            assertTrue(m.implausibility() <= 3, "every set passed the cutoff: " + m);
            double[] c = Calibrator.SPACE.coordinatesOf(m.values());
            for (int i = 0; i < c.length; i++) {
                var d = Calibrator.SPACE.dimensions().get(i);
                assertTrue(c[i] >= d.lower() - 1e-3 && c[i] <= d.upper() + 1e-3, d.name() + " = " + c[i] + " within its calibration bounds");
            }
            assertTrue(m.values().get("model.exitThreshold") < m.values().get("model.joinThreshold"), "the space keeps exit below join");
            assertTrue(m.values().get("model.symbolicJoinCost") <= m.values().get("model.joinCost"), "a symbolic join never costs more");
        }
        for (String f : List.of("index.html", "marginals.png", "pairs.png", "sets.csv", "points.csv")) {
            assertTrue(Files.exists(home.resolve("ens-a").resolve(f)), f);
        }
        List<String> csv = Files.readAllLines(home.resolve("ens-a/sets.csv"));
        assertEquals("set,wave,implausibility,max_implausibility,key,value", csv.get(0));
        assertEquals(1 + sets.size() * Calibrator.SPACE.keys().size(), csv.size(), "one row per set and key");
        assertEquals(80, Files.readAllLines(home.resolve("ens-a/points.csv")).size() - 1, "every evaluated point, both waves");
    }

    @Test
    void neverOverwritesWithoutForce() throws Exception {
        Path a = calibrate("ens", "2");
        String before = Files.readString(a);
        Files.writeString(a, before + "# mine\n");
        CliFixture.Result again = CliFixture.exec(concat(CALIBRATE, "--out", a.toString(), "--page", home.resolve("other").toString()));
        assertBad(again, "exists; add --force");
        assertEquals(before + "# mine\n", Files.readString(a), "the user's file is untouched");
        assertFalse(Files.exists(home.resolve("other")), "nothing computed, no page");
    }

    @Test
    void refusesBadSettings() {
        assertBad(CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2021-06", "--ensemble", "0", "--out", home.resolve("x.yaml").toString()), "--ensemble");
        assertBad(CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2021-06", "--ensemble", "5", "--rule", "mean", "--out", home.resolve("x.yaml").toString()), "--rule");
        assertBad(CliFixture.exec("calibrate", "--scenario", "mini", "--until", "2021-06", "--ensemble", "5", "--waves", "0", "--out", home.resolve("x.yaml").toString()), "--waves");
        assertFalse(Files.exists(home.resolve("x.yaml")));
    }

    static String[] concat(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    static void assertBad(CliFixture.Result r, String fragment) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
    }

    @Test
    void whenEverythingIsRuledOutTheMessageNamesTheTargetsThatDoIt() {
        var targets = List.of(new org.accords.experiment.calibration.Implausibility.Target("joins 1993..1998", 7, 0.25, 0.0625),
                new org.accords.experiment.calibration.Implausibility.Target("frozen in 2003-12", 5, 0.25, 0.0625),
                new org.accords.experiment.calibration.Implausibility.Target("freezes", 1, 0.25, 0.0625));
        // I per target: 'frozen' above 3 in all three points, 'joins' in two, 'freezes' in none; model means by hand
        var points = List.of(
                new org.accords.experiment.calibration.Point(new double[1], new double[] {0.5, 0, 1}, new double[3], new double[] {4, 9, 1}, 4, 1, 0),
                new org.accords.experiment.calibration.Point(new double[1], new double[] {1.5, 1, 1}, new double[3], new double[] {3.5, 6, 0}, 3.5, 1, 1),
                new org.accords.experiment.calibration.Point(new double[1], new double[] {6.5, 2, 2}, new double[3], new double[] {1, 4, 2}, 2, 1, 2));
        String m = EnsembleCalibration.mostRulingOut(new org.accords.experiment.calibration.HistoryMatching.Result(targets, points, List.of(), null), 3.0);
        assertEquals("targets with I > 3 in most points: 'frozen in 2003-12' in 100% (observed 5, model median 1); "
                + "'joins 1993..1998' in 67% (observed 7, model median 1.5); 'freezes' in 0% (observed 1, model median 1)", m);
    }
}
