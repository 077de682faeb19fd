package org.accords.experiment;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.TestScenarios;
import org.accords.model.AccordsModel;
import org.accords.model.RunObserver;
import org.accords.scenario.Scenario;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paired differences between two scenarios that share random numbers: checked against the
 * per-replication counts taken straight from the model, for runs that start with members
 * (initial: observed) and runs that do not, from runs.csv and from running the replications again.
 */
class PairedDifferenceTest {
    private static final int REPS = 60;

    @TempDir
    Path dir;

    /** Four states; AAA joined before the start (observed), so it counts as joined in every run and month. */
    private TestScenarios.Spec spec() {
        return scenario(state("AAA").blocs("X"), state("BBB").blocs("X").attrs(0.6, 0.3, 0.5, 0.6, 0.6),
                state("CCC").blocs("Y"), state("DDD").blocs("Y").attrs(0.4, 0.4, 0.5, 0.5, 0.5))
                .set("run.start", "2020-06").set("run.end", "2021-12").set("run.replications", REPS).set("run.initial", "observed")
                .set("model.joinThreshold", 0.6).set("us.offerRate", 0.3)
                .extra("observed:\n  - {state: AAA, kind: join, month: 2020-03}\n");
    }

    private Scenario load(TestScenarios.Spec spec, String sub) {
        return spec.load(dir.resolve(sub));
    }

    private static EnsembleResult run(Scenario sc) {
        return new Ensemble(sc).run(sc.run().replications(), sc.run().seed(), 2, done -> { }, new AtomicBoolean());
    }

    private static PairedDifference resimulated(EnsembleResult r, EnsembleResult base) throws IOException {
        try (var rs = ReplicationJoins.resimulated(r, 2, new AtomicBoolean()); var bs = ReplicationJoins.resimulated(base, 1, new AtomicBoolean())) {
            return PairedDifference.of(r, rs, base, bs);
        }
    }

    /** States ever joined by each month, per replication, read from the model itself (an independent path). */
    private static int[][] joinedCounts(EnsembleResult r) {
        Ensemble e = new Ensemble(r.scenario);
        int[][] x = new int[(int) r.runs()][r.months()];
        for (int k = 0; k < r.runs(); k++) {
            int[] row = x[k];
            e.runOne(r.seed, k, new RunObserver() {
                @Override
                public void onMonth(int tick, AccordsModel model) {
                    row[tick] = model.joinedCount();
                }
            });
        }
        return x;
    }

    @Test
    void meanAndIntervalAreThoseOfThePerReplicationDifferences() throws IOException {
        EnsembleResult base = run(load(spec(), "base"));
        // a reward push from 2021-01: the same world as the base until then
        EnsembleResult push = run(load(spec().shock("{id: push, start: 2021-01, effects: {usRewards: 2.0}}"), "push"));
        PairedDifference p = resimulated(push, base);
        assertNotNull(p);
        assertEquals(REPS, p.n);
        assertEquals(4, p.commonStates);
        int[][] x = joinedCounts(push), y = joinedCounts(base);
        double q = new TDistribution(null, REPS - 1).inverseCumulativeProbability(0.975);
        boolean someDifference = false;
        for (int t = 0; t < base.months(); t++) {
            SummaryStatistics d = new SummaryStatistics();
            for (int k = 0; k < REPS; k++) d.addValue(x[k][t] - y[k][t]);
            // the paired mean is the difference of the two means, exactly
            assertEquals(push.joinedMean(t) - base.joinedMean(t), p.mean(t), 1e-12, "month " + t);
            assertEquals(d.getMean(), p.mean(t), 1e-12);
            assertEquals(d.getStandardDeviation(), p.sd(t), 1e-9, "month " + t);
            double[] ci = p.interval(t, 0.95);
            assertEquals(d.getMean() - q * d.getStandardDeviation() / Math.sqrt(REPS), ci[1], 1e-9);
            assertEquals(d.getMean() + q * d.getStandardDeviation() / Math.sqrt(REPS), ci[2], 1e-9);
            if (t < 7) {
                // before the push the replications are identical: zero, with an interval of zero width
                assertTrue(p.identical(t), "month " + t);
                assertEquals(0.0, ci[0]);
                assertEquals(0.0, ci[1]);
                assertEquals(0.0, ci[2]);
            }
            someDifference |= !p.identical(t);
        }
        assertTrue(someDifference, "the push changes some replication");
        int last = base.months() - 1;
        assertTrue(push.joinedMean(last) > base.joinedMean(last), "the push adds joins");
        // common random numbers: the paired interval is narrower than one that treats the runs as independent
        double unpaired = Math.sqrt(push.joinedVariance(last) / REPS + base.joinedVariance(last) / REPS);
        assertTrue(p.sd(last) / Math.sqrt(REPS) < unpaired, p.sd(last) / Math.sqrt(REPS) + " vs " + unpaired);
    }

    @Test
    void runsCsvGivesWhatRunningAgainGives() throws IOException {
        EnsembleResult base = run(load(spec(), "base"));
        EnsembleResult push = run(load(spec().shock("{id: push, start: 2020-09, effects: {usRewards: 2.0}}"), "push"));
        Path baseRuns = writeRuns(base, "base.csv"), pushRuns = writeRuns(push, "push.csv");
        PairedDifference fromFiles;
        try (var rs = ReplicationJoins.fromRunsCsv(pushRuns, push); var bs = ReplicationJoins.fromRunsCsv(baseRuns, base)) {
            fromFiles = PairedDifference.of(push, rs, base, bs);
        }
        PairedDifference again = resimulated(push, base);
        assertNotNull(fromFiles);
        for (int t = 0; t < base.months(); t++) {
            assertEquals(again.mean(t), fromFiles.mean(t), 0.0);
            assertEquals(again.sd(t), fromFiles.sd(t), 0.0);
        }
        // a runs.csv that is not this run's (one join month moved) fails the totals check: null, so the caller runs again
        String text = Files.readString(pushRuns);
        String moved = text.replaceFirst("(\\n\\d+,[A-D]{3},)2020-(\\d\\d)", "$12021-$2");
        assertTrue(!moved.equals(text), "some state joins in 2020");
        Files.writeString(pushRuns, moved);
        try (var rs = ReplicationJoins.fromRunsCsv(pushRuns, push); var bs = ReplicationJoins.fromRunsCsv(baseRuns, base)) {
            assertNull(PairedDifference.of(push, rs, base, bs));
        }
        assertNull(ReplicationJoins.fromRunsCsv(dir.resolve("missing.csv"), push));
    }

    @Test
    void differentRostersArePairedOverTheCommonStates() throws IOException {
        EnsembleResult base = run(load(spec(), "base"));
        EnsembleResult more = run(load(spec().set("states.add", "[{id: EEE, name: Newland, blocs: {value: [X], assumption: t},"
                + " priorRelations: {value: none, assumption: t}, iranExposure: {value: 0.4, source: 'https://example.org', rule: t},"
                + " publicOpposition: {value: 0.5, assumption: t}, regimeInsulation: {value: 0.6, assumption: t},"
                + " diversificationNeed: {value: 0.7, assumption: t}, usAlignment: {value: 0.8, assumption: t}}]"), "more"));
        assertEquals(5, more.states());
        PairedDifference p = resimulated(more, base);
        assertNotNull(p);
        assertEquals(4, p.commonStates);
        int last = base.months() - 1;
        double common = 0;
        for (int b = 0; b < base.states(); b++) common += more.pJoinedBy(more.scenario.indexOf(base.scenario.states().get(b).id()), last) - base.pJoinedBy(b, last);
        assertEquals(common, p.mean(last), 1e-12);
    }

    @Test
    void runsOfOtherSeedsOrCountsDoNotPair() {
        EnsembleResult base = run(load(spec(), "base"));
        assertTrue(PairedDifference.pairable(base, base));
        assertTrue(!PairedDifference.pairable(run(load(spec().set("run.seed", 2), "seed")), base));
        assertTrue(!PairedDifference.pairable(run(load(spec().set("run.replications", 30), "reps")), base));
    }

    private Path writeRuns(EnsembleResult r, String name) throws IOException {
        StringWriter w = new StringWriter();
        RunOutcomes.write(r, 2, w, new AtomicBoolean());
        Path f = dir.resolve(name);
        Files.writeString(f, w.toString());
        return f;
    }
}
