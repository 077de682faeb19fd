package org.accords.experiment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.accords.scenario.Scenario;

/**
 * The project's acceptance targets for the history backtest (issue "Sourced world data and the
 * historical record", section 5). A target whose states or months are not in the scenario is skipped.
 */
final class Targets {
    static final Set<String> JOINERS_2020 = Set.of("ARE", "BHR", "SDN", "MAR");

    private Targets() {}

    static List<Backtest.Target> evaluate(Backtest.Result r) {
        Scenario sc = r.scenario();
        EnsembleResult e = r.abm();
        List<Backtest.Target> out = new ArrayList<>();
        YearMonth jan21 = YearMonth.of(2021, 1);
        for (String id : List.of("ARE", "BHR", "SDN", "MAR")) {
            int s = sc.indexOf(id);
            if (s >= 0 && inRun(sc, jan21)) out.add(atLeast(id + ": P(joined by 2021-01)", e.pJoinedBy(s, sc.run().tickOf(jan21)), 0.6));
        }
        YearMonth dec20 = YearMonth.of(2020, 12);
        YearMonth oct25 = YearMonth.of(2025, 10);
        if (inRun(sc, dec20) && inRun(sc, oct25)) {
            double expected = 0;
            for (int s = 0; s < sc.states().size(); s++) {
                if (JOINERS_2020.contains(sc.states().get(s).id())) continue;
                expected += e.pJoinedBy(s, sc.run().tickOf(oct25)) - e.pJoinedBy(s, sc.run().tickOf(dec20));
            }
            out.add(atMost("all other states: expected joins 2021-01 .. 2025-10", expected, 0.5));
        }
        YearMonth dec25 = YearMonth.of(2025, 12);
        if (inRun(sc, dec25)) {
            int kaz = sc.indexOf("KAZ");
            if (kaz >= 0) out.add(atLeast("KAZ: P(joined by 2025-12)", e.pJoinedBy(kaz, sc.run().tickOf(dec25)), 0.5));
            int sau = sc.indexOf("SAU");
            if (sau >= 0) out.add(atMost("SAU: P(joined by 2025-12)", e.pJoinedBy(sau, sc.run().tickOf(dec25)), 0.2));
        }
        YearMonth jan24 = YearMonth.of(2024, 1);
        int bhr = sc.indexOf("BHR");
        if (bhr >= 0 && inRun(sc, jan24)) out.add(atLeast("BHR: P(frozen in 2024-01)", e.pFrozen(bhr, sc.run().tickOf(jan24)), 0.3));
        for (Backtest.CheckpointScore c : r.scores()) {
            if (c.model().equals("abm") && (c.checkpoint().equals(dec20) || c.checkpoint().equals(dec25))) {
                out.add(atLeast("Brier skill score at " + c.checkpoint() + (c.inSample() ? " (in sample)" : " (out of sample)"), c.skill(), 0.5));
            }
        }
        if (!Double.isNaN(r.outOfSampleBrierAbm())) {
            out.add(new Backtest.Target("out-of-sample Brier: ABM vs logistic baseline", r.outOfSampleBrierAbm(), "<=",
                    r.outOfSampleBrierLogistic(), r.outOfSampleBrierAbm() <= r.outOfSampleBrierLogistic()));
        }
        return out;
    }

    private static boolean inRun(Scenario sc, YearMonth m) {
        return !m.isBefore(sc.run().start()) && !m.isAfter(sc.run().end());
    }

    private static Backtest.Target atLeast(String d, double v, double t) {
        return new Backtest.Target(d, v, ">=", t, v >= t);
    }

    private static Backtest.Target atMost(String d, double v, double t) {
        return new Backtest.Target(d, v, "<=", t, v <= t);
    }
}
