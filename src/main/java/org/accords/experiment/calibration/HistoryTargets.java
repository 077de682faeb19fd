package org.accords.experiment.calibration;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.accords.model.AccordsModel;
import org.accords.model.EventKind;
import org.accords.model.RunObserver;
import org.accords.model.StateAgent;
import org.accords.scenario.Observation;
import org.accords.scenario.Scenario;

/**
 * The history-matching targets, all taken from the scenario's observed record up to the cutoff,
 * and never one state's outcome alone:
 * <ul>
 *   <li>joins per period (symbolic joins included, as the model counts them): the number of
 *       states joining in each block of {@link #PERIOD_MONTHS} months, longer for a long record
 *       (at most {@value #MAX_PERIODS} blocks); any state: the count, not who;</li>
 *   <li>freezes in the window, and the number of states frozen at the end of each period (any
 *       state: a model that freezes members the record has active fails these);</li>
 *   <li>joins by states the record does not have joining (the non-joins);</li>
 *   <li>each observed transition's timing: whether that state made that move within
 *       ±{@value #WINDOW} months of the recorded month (a 0/1 outcome, so its variance is p(1 − p)).</li>
 * </ul>
 * Counts carry a discrepancy sd of {@value #COUNT_DISCREPANCY_SD} states (what a model of global
 * parameters cannot represent) and an observation sd of {@value #COUNT_OBSERVATION_SD} (announcement
 * against effective dates can move an event across a period boundary); timing outcomes a
 * discrepancy sd of {@value #TIMING_DISCREPANCY_SD} and no observation error (the window absorbs
 * the dating).
 */
public final class HistoryTargets {
    public static final int PERIOD_MONTHS = 24;
    public static final int MAX_PERIODS = 6;
    public static final int WINDOW = 6;
    public static final double COUNT_DISCREPANCY_SD = 0.5;
    public static final double COUNT_OBSERVATION_SD = 0.25;
    public static final double TIMING_DISCREPANCY_SD = 0.2;

    private enum Kind { PERIOD_JOINS, FROZEN_AT, FREEZES, NON_JOINERS, TIMING }

    /** What one target counts: events of a kind in ticks [from, to], for one state (TIMING) or any. */
    private record Spec(Kind kind, int from, int to, int state, EventKind event) {}

    private final List<Implausibility.Target> targets = new ArrayList<>();
    private final List<Spec> specs = new ArrayList<>();
    private final int states;
    private final boolean[] observedJoiner;

    /** Targets from the observed record of {@code sc} from its start up to {@code cutoff}. */
    public HistoryTargets(Scenario sc, YearMonth cutoff) {
        states = sc.states().size();
        int cut = Math.min(sc.run().tickOf(cutoff), sc.run().months() - 1);
        observedJoiner = new boolean[states];
        List<Observation> record = new ArrayList<>();
        for (Observation o : sc.observed()) {
            int t = sc.run().tickOf(o.month());
            if (t >= 0 && t <= cut && sc.indexOf(o.state()) >= 0) record.add(o);
        }
        record.sort(java.util.Comparator.comparing(Observation::month));
        double countVar = COUNT_DISCREPANCY_SD * COUNT_DISCREPANCY_SD;
        double countObs = COUNT_OBSERVATION_SD * COUNT_OBSERVATION_SD;
        int period = periodMonths(cut + 1);
        for (int from = 0; from <= cut; from += period) {
            int to = Math.min(cut, from + period - 1);
            int observed = 0;
            for (Observation o : record) {
                int t = sc.run().tickOf(o.month());
                if (isJoin(o) && t >= from && t <= to) observed++;
            }
            add("joins " + sc.run().monthOf(from) + ".." + sc.run().monthOf(to), observed, countVar, countObs, new Spec(Kind.PERIOD_JOINS, from, to, -1, EventKind.JOIN));
        }
        for (int from = 0; from <= cut; from += period) {
            int to = Math.min(cut, from + period - 1);
            java.util.Set<String> frozen = new java.util.HashSet<>();
            for (Observation o : record) {
                if (sc.run().tickOf(o.month()) > to) break;
                if (o.kind() == Observation.Kind.FREEZE) frozen.add(o.state());
                if (o.kind() == Observation.Kind.THAW) frozen.remove(o.state());
            }
            add("frozen in " + sc.run().monthOf(to), frozen.size(), countVar, countObs, new Spec(Kind.FROZEN_AT, to, to, -1, null));
        }
        int freezes = 0;
        for (Observation o : record) {
            if (o.kind() == Observation.Kind.FREEZE) freezes++;
            if (isJoin(o)) observedJoiner[sc.indexOf(o.state())] = true;
        }
        add("freezes " + sc.run().start() + ".." + sc.run().monthOf(cut), freezes, countVar, countObs, new Spec(Kind.FREEZES, 0, cut, -1, EventKind.FREEZE));
        add("joins by states the record has not joining", 0, countVar, countObs, new Spec(Kind.NON_JOINERS, 0, cut, -1, EventKind.JOIN));
        Set<String> seen = new HashSet<>();
        for (Observation o : record) {
            if (o.kind() == Observation.Kind.THAW) continue;
            EventKind event = isJoin(o) ? EventKind.JOIN : EventKind.FREEZE;
            if (!seen.add(o.state() + " " + o.kind() + " " + o.month())) continue;
            int t = sc.run().tickOf(o.month());
            add(o.state() + " " + o.kind().key() + " " + o.month() + " ±" + WINDOW + " months", 1,
                    TIMING_DISCREPANCY_SD * TIMING_DISCREPANCY_SD, 0,
                    new Spec(Kind.TIMING, Math.max(0, t - WINDOW), Math.min(cut, t + WINDOW), sc.indexOf(o.state()), event));
        }
    }

    /**
     * A join in the model's sense: ties opened, or a symbolic join by a state that already has
     * them (the model records both as a JOIN; the symbolic one costs less and dilutes the brand).
     */
    private static boolean isJoin(Observation o) {
        return o.kind() == Observation.Kind.JOIN || o.kind() == Observation.Kind.SYMBOLIC;
    }

    /** Months per period: two years, or longer so that a long record gives at most {@value #MAX_PERIODS} periods of each kind. */
    static int periodMonths(int months) {
        return Math.max(PERIOD_MONTHS, (months + MAX_PERIODS - 1) / MAX_PERIODS);
    }

    private void add(String name, double observed, double discrepancy, double observation, Spec spec) {
        targets.add(new Implausibility.Target(name, observed, discrepancy, observation));
        specs.add(spec);
    }

    public List<Implausibility.Target> targets() { return List.copyOf(targets); }

    /** A new observer that accumulates each target's mean and variance over the replications it sees. */
    public Recorder recorder() { return new Recorder(); }

    /** Accumulates the targets' values run by run (one per thread). */
    public final class Recorder implements RunObserver {
        private final double[] current = new double[specs.size()];
        private final double[] sum = new double[specs.size()];
        private final double[] sumOfSquares = new double[specs.size()];
        private int runs;

        @Override
        public void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {
            if (kind != EventKind.JOIN && kind != EventKind.FREEZE) return;
            for (int i = 0; i < specs.size(); i++) {
                Spec s = specs.get(i);
                if (s.event() != kind || tick < s.from() || tick > s.to()) continue;
                switch (s.kind()) {
                    case PERIOD_JOINS, FREEZES -> current[i]++;
                    case NON_JOINERS -> { if (!observedJoiner[subject]) current[i]++; }
                    case TIMING -> { if (subject == s.state()) current[i] = 1; }
                }
            }
        }

        @Override
        public void onMonth(int tick, AccordsModel model) {
            for (int i = 0; i < specs.size(); i++) {
                Spec s = specs.get(i);
                if (s.kind() == Kind.FROZEN_AT && s.to() == tick) current[i] = model.frozenCount();
            }
        }

        @Override
        public void onRunEnd(AccordsModel model) {
            for (int i = 0; i < current.length; i++) {
                sum[i] += current[i];
                sumOfSquares[i] += current[i] * current[i];
                current[i] = 0;
            }
            runs++;
        }

        /** Mean and sample variance per target over the runs seen. */
        public HistoryMatching.Output output() {
            double[] mean = new double[sum.length];
            double[] variance = new double[sum.length];
            for (int i = 0; i < sum.length; i++) {
                mean[i] = sum[i] / runs;
                variance[i] = runs < 2 ? 0 : Math.max(0, (sumOfSquares[i] - runs * mean[i] * mean[i]) / (runs - 1));
            }
            return new HistoryMatching.Output(mean, variance, runs);
        }
    }
}
