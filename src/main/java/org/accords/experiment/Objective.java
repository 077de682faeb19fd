package org.accords.experiment;

import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.scenario.Scenario;

/** What a calibration minimises: a loss of a scenario's forecasts against its own observed record, over the months [from, to]. */
public interface Objective {
    double loss(Scenario sc, YearMonth from, YearMonth to, AtomicBoolean cancel);

    /** One line for reports and the calibrated fragment. */
    String description();

    /**
     * The monthly Brier score of "joined by" plus "frozen" status ({@link Scoring#monthlyLoss}) of one
     * ensemble run from the scenario's start.
     */
    static Objective monthlyStatus(int replications, long seed, int threads) {
        return new Objective() {
            @Override
            public double loss(Scenario sc, YearMonth from, YearMonth to, AtomicBoolean cancel) {
                EnsembleResult r = new Ensemble(sc).run(replications, seed, threads, done -> { }, cancel);
                return Scoring.monthlyLoss(Forecast.of(r), new ObservedRecord(sc), sc.run().tickOf(from), sc.run().tickOf(to));
            }

            @Override
            public String description() { return "monthly loss (Brier of joined-by + frozen)"; }
        };
    }
}
