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
 * History-matching targets on consecutive windows of the record, each run from the observed
 * standings at its first month (as the what-ifs from 2026, the rolling-origin backtest and the
 * point fit's objective run), so that a parameter point is judged on what the model is used
 * for: given where the states stood, how many of them move in the next few years. A single
 * free run from 1993 is not asked to stay on the record's path for 33 years, which no stochastic
 * model of global parameters does. Per window, all counts over every state (never one state's
 * outcome alone):
 * <ul>
 *   <li>joins (symbolic joins included, as the model counts them);</li>
 *   <li>freezes;</li>
 *   <li>states frozen at the window's end (a thaw lowers it);</li>
 *   <li>joins by states the record never has joining (up to the cutoff).</li>
 * </ul>
 * Each count carries a discrepancy sd of {@value #COUNT_DISCREPANCY_SD} states (what a model of
 * global parameters cannot represent) and an observation sd of {@value #COUNT_OBSERVATION_SD}
 * (announcement against effective dates can move an event across a window's boundary).
 */
public final class WindowTargets {
    public static final int WINDOW_MONTHS = 36;
    public static final double COUNT_DISCREPANCY_SD = 0.5;
    public static final double COUNT_OBSERVATION_SD = 0.25;

    private enum Kind { JOINS, FREEZES, FROZEN_AT_END, NON_JOINERS }

    private record Spec(Kind kind, int window, int lastTick) {}

    private final List<Scenario> windows = new ArrayList<>();
    private final List<Implausibility.Target> targets = new ArrayList<>();
    private final List<Spec> specs = new ArrayList<>();
    private final boolean[] observedJoiner;

    /** Windows of {@value #WINDOW_MONTHS} months (the last one shorter) from the start of {@code history} to {@code cutoff}. */
    public WindowTargets(Scenario history, YearMonth cutoff) {
        this(history, cutoff, WINDOW_MONTHS);
    }

    public WindowTargets(Scenario history, YearMonth cutoff, int windowMonths) {
        YearMonth last = cutoff.isAfter(history.run().end()) ? history.run().end() : cutoff;
        List<Observation> record = new ArrayList<>();
        for (Observation o : history.observed()) {
            if (!o.month().isAfter(last) && history.indexOf(o.state()) >= 0) record.add(o);
        }
        record.sort(java.util.Comparator.comparing(Observation::month));
        observedJoiner = new boolean[history.states().size()];
        for (Observation o : record) if (isJoin(o)) observedJoiner[history.indexOf(o.state())] = true;
        double countVar = COUNT_DISCREPANCY_SD * COUNT_DISCREPANCY_SD;
        double countObs = COUNT_OBSERVATION_SD * COUNT_OBSERVATION_SD;
        for (YearMonth from = history.run().start(); !from.isAfter(last); from = from.plusMonths(windowMonths)) {
            YearMonth to = from.plusMonths(windowMonths - 1).isAfter(last) ? last : from.plusMonths(windowMonths - 1);
            int w = windows.size();
            windows.add(history.fromObserved(from).truncatedTo(to));
            int lastTick = windows.get(w).run().months() - 1;
            int joins = 0, freezes = 0;
            Set<String> frozen = new HashSet<>();
            for (Observation o : record) {
                if (o.month().isAfter(to)) break;
                boolean inside = !o.month().isBefore(from);
                if (inside && isJoin(o)) joins++;
                if (inside && o.kind() == Observation.Kind.FREEZE) freezes++;
                if (o.kind() == Observation.Kind.FREEZE) frozen.add(o.state());
                if (o.kind() == Observation.Kind.THAW) frozen.remove(o.state());
            }
            String span = from + ".." + to;
            add("joins " + span, joins, countVar, countObs, new Spec(Kind.JOINS, w, lastTick));
            add("freezes " + span, freezes, countVar, countObs, new Spec(Kind.FREEZES, w, lastTick));
            add("frozen in " + to, frozen.size(), countVar, countObs, new Spec(Kind.FROZEN_AT_END, w, lastTick));
            add("joins by states the record has not joining " + span, 0, countVar, countObs, new Spec(Kind.NON_JOINERS, w, lastTick));
        }
    }

    private static boolean isJoin(Observation o) {
        return o.kind() == Observation.Kind.JOIN || o.kind() == Observation.Kind.SYMBOLIC;
    }

    private void add(String name, double observed, double discrepancy, double observation, Spec spec) {
        targets.add(new Implausibility.Target(name, observed, discrepancy, observation));
        specs.add(spec);
    }

    public List<Implausibility.Target> targets() { return List.copyOf(targets); }

    /** The scenario of each window: from the observed standings at its first month to its last. */
    public List<Scenario> windows() { return List.copyOf(windows); }

    public Recorder recorder() { return new Recorder(); }

    /** Accumulates each target's mean and variance over the runs of its window; call {@link #window} before running a window. */
    public final class Recorder implements RunObserver {
        private final double[] current = new double[specs.size()];
        private final double[] sum = new double[specs.size()];
        private final double[] sumOfSquares = new double[specs.size()];
        private final int[] runs = new int[windows.size()];
        private int window;

        public void window(int w) { window = w; }

        @Override
        public void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {
            if (kind != EventKind.JOIN && kind != EventKind.FREEZE) return;
            for (int i = 0; i < specs.size(); i++) {
                Spec s = specs.get(i);
                if (s.window() != window) continue;
                switch (s.kind()) {
                    case JOINS -> { if (kind == EventKind.JOIN) current[i]++; }
                    case FREEZES -> { if (kind == EventKind.FREEZE) current[i]++; }
                    case NON_JOINERS -> { if (kind == EventKind.JOIN && !observedJoiner[subject]) current[i]++; }
                    case FROZEN_AT_END -> { }
                }
            }
        }

        @Override
        public void onMonth(int tick, AccordsModel model) {
            for (int i = 0; i < specs.size(); i++) {
                Spec s = specs.get(i);
                if (s.window() == window && s.kind() == Kind.FROZEN_AT_END && s.lastTick() == tick) current[i] = model.frozenCount();
            }
        }

        @Override
        public void onRunEnd(AccordsModel model) {
            for (int i = 0; i < current.length; i++) {
                if (specs.get(i).window() != window) continue;
                sum[i] += current[i];
                sumOfSquares[i] += current[i] * current[i];
                current[i] = 0;
            }
            runs[window]++;
        }

        /** Mean and sample variance per target over the runs of its window. */
        public HistoryMatching.Output output() {
            double[] mean = new double[sum.length];
            double[] variance = new double[sum.length];
            int fewest = Integer.MAX_VALUE;
            for (int i = 0; i < sum.length; i++) {
                int n = runs[specs.get(i).window()];
                fewest = Math.min(fewest, n);
                mean[i] = n == 0 ? 0 : sum[i] / n;
                variance[i] = n < 2 ? 0 : Math.max(0, (sumOfSquares[i] - n * mean[i] * mean[i]) / (n - 1));
            }
            return new HistoryMatching.Output(mean, variance, fewest == Integer.MAX_VALUE ? 0 : fewest);
        }
    }
}
