package org.accords.experiment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Observation;
import org.accords.scenario.Scenario;

/**
 * Scores a scenario with an observed record (the history preset) against what happened: Brier
 * and skill scores at checkpoints for the ABM ensemble and for a logistic event-history baseline
 * fitted on the calibration window; timing errors of observed joins; P(frozen) for observed
 * freezes; and the project's acceptance targets.
 */
public final class Backtest {
    public static final List<YearMonth> DEFAULT_CHECKPOINTS = List.of(YearMonth.of(2020, 12), YearMonth.of(2022, 12),
            YearMonth.of(2023, 9), YearMonth.of(2025, 10), YearMonth.of(2025, 12));
    public static final YearMonth DEFAULT_CUTOFF = YearMonth.of(2022, 12);

    public record CheckpointScore(String model, YearMonth checkpoint, boolean inSample, double brier, double baseRateBrier, double skill) {}

    public record StateCheckpoint(String state, YearMonth checkpoint, boolean observed, double abm, double logistic) {}

    /** @param medianMonth the ensemble's median join month among runs where the state joins; null if it never does */
    public record JoinTiming(String state, YearMonth observedMonth, YearMonth medianMonth, Integer errorMonths, double pEverJoined) {}

    public record FreezeCheck(String state, YearMonth observedMonth, YearMonth checkedMonth, double pFrozen) {}

    public record Target(String description, double value, String comparison, double threshold, boolean met) {}

    public record Result(Scenario scenario, EnsembleResult abm, LogisticHazardModel logistic, ObservedRecord observed,
                         List<YearMonth> checkpoints, YearMonth cutoff, List<CheckpointScore> scores,
                         List<StateCheckpoint> states, List<JoinTiming> timings, List<FreezeCheck> freezes,
                         List<Target> targets, double outOfSampleBrierAbm, double outOfSampleBrierLogistic) {}

    private Backtest() {}

    /** Scores an ensemble of a scenario with an observed record, and a baseline fitted up to {@code cutoff}. */
    public static Result score(Scenario sc, EnsembleResult abm, LogisticHazardModel logit, ObservedRecord obs, YearMonth cutoff,
                               List<YearMonth> checkpoints) {
        List<YearMonth> cps = checkpoints.stream().filter(c -> !c.isBefore(sc.run().start()) && !c.isAfter(sc.run().end())).toList();
        if (cps.isEmpty()) throw new BadInputException(null, "checkpoints", "no checkpoint lies inside the run " + sc.run().start() + " .. " + sc.run().end());
        Forecast a = Forecast.of(abm);
        List<CheckpointScore> scores = new ArrayList<>();
        List<StateCheckpoint> states = new ArrayList<>();
        double oosA = 0;
        double oosL = 0;
        int oos = 0;
        for (YearMonth c : cps) {
            int t = sc.run().tickOf(c);
            boolean in = !c.isAfter(cutoff);
            double base = Scoring.baseRateBrier(obs, t);
            double ba = Scoring.brier(a, obs, t);
            double bl = Scoring.brier(logit, obs, t);
            scores.add(new CheckpointScore("abm", c, in, ba, base, Scoring.skill(ba, base)));
            scores.add(new CheckpointScore("logistic", c, in, bl, base, Scoring.skill(bl, base)));
            if (!in) {
                oosA += ba;
                oosL += bl;
                oos++;
            }
            for (int s = 0; s < obs.states(); s++) {
                states.add(new StateCheckpoint(sc.states().get(s).id(), c, obs.joinedBy(s, t), a.pJoinedBy(s, t), logit.pJoinedBy(s, t)));
            }
        }
        List<JoinTiming> timings = new ArrayList<>();
        List<FreezeCheck> freezes = new ArrayList<>();
        for (Observation o : sc.observed()) {
            int s = sc.indexOf(o.state());
            if (s < 0 || o.month().isBefore(sc.run().start()) || o.month().isAfter(sc.run().end())) continue;
            if (o.kind() == Observation.Kind.JOIN) {
                int median = abm.joinTickPercentile(s, 50);
                YearMonth m = median < 0 ? null : sc.run().monthOf(median);
                Integer err = median < 0 ? null : median - sc.run().tickOf(o.month());
                timings.add(new JoinTiming(o.state(), o.month(), m, err, abm.pEverJoined(s)));
            } else if (o.kind() == Observation.Kind.FREEZE) {
                // two months on: the freeze has had time to happen in the model's monthly steps
                YearMonth check = o.month().plusMonths(2).isAfter(sc.run().end()) ? sc.run().end() : o.month().plusMonths(2);
                freezes.add(new FreezeCheck(o.state(), o.month(), check, abm.pFrozen(s, sc.run().tickOf(check))));
            }
        }
        Result partial = new Result(sc, abm, logit, obs, cps, cutoff, scores, states, timings, freezes, List.of(),
                oos == 0 ? Double.NaN : oosA / oos, oos == 0 ? Double.NaN : oosL / oos);
        return new Result(sc, abm, logit, obs, cps, cutoff, scores, states, timings, freezes, Targets.evaluate(partial),
                partial.outOfSampleBrierAbm(), partial.outOfSampleBrierLogistic());
    }
}
