package org.accords.experiment.backtest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.accords.experiment.LogisticHazardModel;
import org.accords.model.Status;
import org.accords.model.WorldPlan;

/**
 * The statistical competitor: a discrete-time logistic event-history model (Berry and Berry), one
 * per kind of change (join, freeze, thaw), fitted on the observed state-months at risk from the
 * first month of the scenario's run to the origin. Covariates: those of
 * {@link LogisticHazardModel#COVARIATES} (the same attributes and the same exogenous world the ABM
 * sees), plus each state's unmet stated conditions (the shortfall below the level it asks for)
 * and the observed share of peers that are active members the month before (the ABM's peer
 * blend; held at its origin value through the forecast window, since later joins are not known
 * at the origin). The ridge penalty is chosen by {@value #FOLDS}-fold cross-validation by state
 * on the training window (held-out log likelihood), from {@link #RIDGES}.
 */
public final class LogisticEvents implements EventModel {
    public static final double[] RIDGES = {10, 3, 1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001};
    public static final int FOLDS = 5;
    public static final List<String> EXTRA = List.of("conditionShortfall", "peerShare");

    /** What was fitted for one kind of change. */
    public record Fit(Transition kind, int rows, int events, double ridge, double[] beta) {}

    private final WorldPlan plan;
    private final ObservedHistory history;
    private final YearMonth origin;
    private final Fit[] fits = new Fit[Transition.values().length];
    /** The training design matrix and outcomes per kind of change (read by tests). */
    final List<List<double[]>> rows = new ArrayList<>();
    final List<List<Double>> ys = new ArrayList<>();

    public LogisticEvents(WorldPlan plan, ObservedHistory history, YearMonth origin) {
        this.plan = plan;
        this.history = history;
        this.origin = origin;
        YearMonth first = plan.scenario.run().start();
        List<List<Integer>> folds = new ArrayList<>();
        for (int k = 0; k < fits.length; k++) {
            rows.add(new ArrayList<>());
            ys.add(new ArrayList<>());
            folds.add(new ArrayList<>());
        }
        for (YearMonth m = first; !m.isAfter(origin) && !m.isAfter(plan.scenario.run().end()); m = m.plusMonths(1)) {
            for (int s = 0; s < history.states(); s++) {
                int k = Transition.atRiskFrom(history.statusAt(s, m.minusMonths(1))).ordinal();
                rows.get(k).add(covariates(s, m, m.minusMonths(1)));
                ys.get(k).add(history.changedIn(s, m) ? 1.0 : 0.0);
                folds.get(k).add(s % FOLDS);
            }
        }
        for (Transition t : Transition.values()) {
            int k = t.ordinal();
            double[] y = ys.get(k).stream().mapToDouble(Double::doubleValue).toArray();
            int[] fold = folds.get(k).stream().mapToInt(Integer::intValue).toArray();
            fits[k] = fit(t, rows.get(k), y, fold);
        }
    }

    /**
     * Covariates of state s in month m, with peers and relations with Israel as known at the end of
     * month {@code knownAt} (the month before in training, the origin in a forecast): the roster
     * dates relations by the join itself, so their value in month m would carry the outcome.
     */
    double[] covariates(int s, YearMonth m, YearMonth knownAt) {
        int t = plan.scenario.run().tickOf(m);
        boolean relations = plan.scenario.states().get(s).hasPriorRelationsAt(knownAt);
        double[] base = LogisticHazardModel.covariates(plan, s, t, relations);
        double[] x = java.util.Arrays.copyOf(base, base.length + EXTRA.size());
        // the same information the ABM has about stated conditions: how far the world falls short of them
        x[base.length] = plan.conditionShortfall(t, s);
        x[base.length + 1] = peerShare(s, knownAt);
        return x;
    }

    private double peerShare(int s, YearMonth m) {
        int others = history.states() - 1;
        if (others == 0) return 0;
        int active = 0;
        for (int o = 0; o < history.states(); o++) if (o != s && history.statusAt(o, m) == Status.MEMBER) active++;
        double overall = active / (double) others;
        int[] peers = plan.peers(s);
        if (peers.length == 0) return overall;
        int bloc = 0;
        for (int p : peers) if (history.statusAt(p, m) == Status.MEMBER) bloc++;
        double a = plan.scenario.model().blocPeerShare();
        return a * bloc / peers.length + (1 - a) * overall;
    }

    static Fit fit(Transition kind, List<double[]> rows, double[] y, int[] fold) {
        int events = 0;
        for (double v : y) events += (int) v;
        if (rows.isEmpty()) return new Fit(kind, 0, 0, Double.NaN, null);
        double best = Double.POSITIVE_INFINITY;
        double chosen = RIDGES[0];
        double[][] warm = new double[FOLDS][];
        for (double ridge : RIDGES) {
            double heldOut = 0;
            for (int f = 0; f < FOLDS; f++) {
                List<double[]> train = new ArrayList<>();
                List<Double> ty = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (fold[i] == f) continue;
                    train.add(rows.get(i));
                    ty.add(y[i]);
                }
                if (train.size() == rows.size() || train.isEmpty()) continue; // nothing held out, or nothing left to fit on
                double[] beta = LogisticHazardModel.fitRidge(train, ty.stream().mapToDouble(Double::doubleValue).toArray(), ridge, warm[f]);
                warm[f] = beta;
                for (int i = 0; i < rows.size(); i++) {
                    if (fold[i] != f) continue;
                    double p = Math.min(1 - 1e-12, Math.max(1e-12, LogisticHazardModel.hazard(beta, rows.get(i))));
                    heldOut -= y[i] == 1 ? Math.log(p) : Math.log(1 - p);
                }
            }
            // strictly better only: on a tie the larger penalty (tried first) stays
            if (Double.isFinite(heldOut) && heldOut < best - 1e-9) {
                best = heldOut;
                chosen = ridge;
            }
        }
        return new Fit(kind, rows.size(), events, chosen, LogisticHazardModel.fitRidge(rows, y, chosen, null));
    }

    public Fit fit(Transition kind) { return fits[kind.ordinal()]; }

    @Override
    public String name() { return "logistic (CV)"; }

    @Override
    public double[] forecast(EventWindow w) {
        if (!w.origin().equals(origin)) throw new IllegalArgumentException("fitted at origin " + origin + ", asked for " + w.origin());
        if (w.last().isAfter(plan.scenario.run().end())) throw new IllegalArgumentException("window ends after the scenario's run");
        double[] p = new double[w.items().size()];
        for (int i = 0; i < p.length; i++) {
            EventWindow.Item item = w.items().get(i);
            Fit f = fits[item.kind().ordinal()];
            if (f.beta() == null) continue; // never at risk in training: nothing to go on, as persistence
            double survive = 1;
            for (YearMonth m = w.first(); !m.isAfter(w.last()); m = m.plusMonths(1)) {
                survive *= 1 - LogisticHazardModel.hazard(f.beta(), covariates(item.state(), m, origin));
            }
            p[i] = 1 - survive;
        }
        return p;
    }
}
