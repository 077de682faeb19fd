package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.Ensemble;
import org.accords.experiment.EnsembleResult;
import org.accords.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The benchmark command's behaviour (not its timings). */
class BenchCommandTest extends CliTestBase {
    @Test
    void kernelModeRunsTheSameReplicationsAsTheModel() {
        CliFixture.Result r = CliFixture.exec("bench", "--kernel", "mini", "--reps", "300", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        Scenario sc = Main.loader().load("mini", List.of("run.replications=300"));
        EnsembleResult model = new Ensemble(sc).run(300, sc.run().seed(), 1, d -> { }, new AtomicBoolean());
        String meanJoins = String.format(Locale.ROOT, "mean joins %.4f", model.joinedMean(model.months() - 1));
        assertTrue(r.out().contains(meanJoins), r.out() + " should report " + meanJoins);
    }

    @Test
    void quietKernelModePrintsNothing() {
        CliFixture.Result r = CliFixture.exec("bench", "--kernel", "mini", "--reps", "20", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void repsWithoutKernelIsBadInput() {
        CliFixture.Result r = CliFixture.exec("bench", "mini", "--reps", "20");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--kernel"), r.err());
    }

    @Test
    void quickBenchmarkPrintsEverySection() {
        CliFixture.Result r = CliFixture.exec("bench", "mini", "--quick", "--rounds", "1");
        assertEquals(0, r.code(), r.err());
        for (String section : List.of("## Model against bare kernel", "(a)/(b) =", "## Per-replication setup",
                "## Cost against roster size", "| synthetic | 400 |", "## Ensemble throughput", "## Linearity", "## Summary")) {
            assertTrue(r.out().contains(section), "missing " + section + " in\n" + r.out());
        }
    }

    @Test
    void experimentSectionComparesThePointLoopWithRunAndReportsHeapPerPointCount() {
        CliFixture.Result r = CliFixture.exec("bench", "mini", "--experiment", "--quick", "--rounds", "1");
        assertEquals(0, r.code(), r.err());
        for (String line : List.of("## Experiments: point loop against `run`", "| run: one ensemble of 100 replications |",
                "| experiment: 10 points × 10 replications", "| 10 | ", "| 100 | ", "command: ./accords bench mini --experiment")) {
            assertTrue(r.out().contains(line), "missing " + line + " in\n" + r.out());
        }
    }
}
