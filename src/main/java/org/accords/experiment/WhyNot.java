package org.accords.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.accords.model.AccordsModel;
import org.accords.model.RunObserver;
import org.accords.model.StateAgent;
import org.accords.model.Status;
import org.accords.scenario.Driver;
import org.accords.scenario.Scenario;
import org.accords.scenario.StateSpec;

/**
 * "Why not": for every state, month by month, its utility of joining against the join
 * threshold, the parts that utility is made of (the five drivers, the join cost and the cost of
 * stated conditions not met), and how often a condition costs it utility. Taken over the runs in
 * which the state is at risk of joining that month (a candidate, or a frozen member weighing a
 * thaw, at the start of the month), from the first {@link #replications} replications of the
 * ensemble, run again with the ensemble's seeds and parameter sets (the aggregate keeps no
 * utilities). Sums are in fixed point and every replication has its own row of utilities, so the
 * result is the same at any thread count.
 */
public final class WhyNot {
    /** Replications used at most: enough for a mean and a 10-90% band, at a bounded cost. */
    public static final int MAX_REPLICATIONS = 200;
    /** At most this many state-month utilities are kept (4 bytes each), whatever the roster and horizon. */
    static final long MAX_CELLS = 6_000_000;
    /** Column names of the parts of utility, in the order of {@link #part}: the drivers, then the two costs. */
    public static final List<String> PARTS;
    /** Their names on charts. */
    public static final List<String> PART_LABELS = List.of("Iran threat", "Palestinian pressure", "Economic diversification", "US rewards",
            "Peer influence", "Join cost", "Cost of unmet conditions");
    static {
        List<String> p = new ArrayList<>();
        for (Driver d : Driver.values()) p.add(d.key());
        p.add("joinCost");
        p.add("conditionCost");
        PARTS = List.copyOf(p);
    }
    static final int K = Driver.values().length + 2;

    public final EnsembleResult result;
    /** Replications used: the first min(replications of the run, {@link #MAX_REPLICATIONS}) of the result's shard. */
    public final int replications;
    private final int states;
    private final int months;
    /** [s * months + t]: runs in which state s was at risk of joining in month t. */
    private final long[] atRisk;
    /** [(s * months + t) * K + k]: sum of part k over those runs, fixed point. */
    private final long[] partSum;
    /** [s * months + t]: sum of the join threshold over those runs, fixed point (parameter sets may differ). */
    private final long[] thresholdSum;
    /** [s * months + t]: runs at risk in which an unmet condition cost the state utility. */
    private final long[] conditionCosts;
    /** [(rep * states + s) * months + t]: the utility, NaN when not at risk. */
    private final float[] utility;

    private WhyNot(EnsembleResult r, int replications) {
        this.result = r;
        this.replications = replications;
        this.states = r.states();
        this.months = r.months();
        atRisk = new long[states * months];
        partSum = new long[states * months * K];
        thresholdSum = new long[states * months];
        conditionCosts = new long[states * months];
        utility = new float[replications * states * months];
    }

    /** Replications a why-not of {@code r} uses. */
    public static int replicationsFor(EnsembleResult r) {
        long fit = Math.max(1, MAX_CELLS / Math.max(1L, (long) r.states() * r.months()));
        return (int) Math.min(Math.min(r.runs(), MAX_REPLICATIONS), fit);
    }

    /** Runs the first replications again (on {@code threads} workers) and records every state's utility and its parts. */
    public static WhyNot compute(EnsembleResult r, int threads, AtomicBoolean cancel) {
        WhyNot w = new WhyNot(r, replicationsFor(r));
        Ensemble ensemble = new Ensemble(r.scenario, r.parameterSets, r.held);
        int workers = Math.max(1, Math.min(threads, w.replications));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Workers.pool(workers, "accords-whynot");
        try {
            List<Future<WhyNot>> parts = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                parts.add(pool.submit(() -> {
                    WhyNot part = new WhyNot(r, 0);
                    Ensemble.Runner runner = ensemble.runner();
                    for (int i2 = next.getAndIncrement(); i2 < w.replications; i2 = next.getAndIncrement()) {
                        if (cancel.get()) throw new CancellationException();
                        runner.run(r.seed, r.shard.unit(i2), new Recorder(part, w, i2));
                    }
                    return part;
                }));
            }
            for (Future<WhyNot> f : parts) w.add(Workers.take(f));
        } finally {
            pool.shutdownNow();
        }
        return w;
    }

    private void add(WhyNot o) {
        for (int i = 0; i < atRisk.length; i++) {
            atRisk[i] += o.atRisk[i];
            thresholdSum[i] += o.thresholdSum[i];
            conditionCosts[i] += o.conditionCosts[i];
        }
        for (int i = 0; i < partSum.length; i++) partSum[i] += o.partSum[i];
    }

    /** Records one replication: sums into its worker's partial, utilities into the shared rows of replication {@code rep}. */
    private static final class Recorder implements RunObserver {
        private final WhyNot sums;
        private final WhyNot rows;
        private final int rep;
        private Status[] before;

        Recorder(WhyNot sums, WhyNot rows, int rep) {
            this.sums = sums;
            this.rows = rows;
            this.rep = rep;
        }

        @Override
        public void onRunStart(AccordsModel model) {
            before = new Status[model.agents().length];
            for (StateAgent a : model.agents()) before[a.index] = a.status();
        }

        @Override
        public void onMonth(int tick, AccordsModel model) {
            long threshold = Math.round(model.parameters().joinThreshold() * Aggregate.FIXED);
            int m = sums.months;
            for (StateAgent a : model.agents()) {
                int s = a.index;
                int cell = s * m + tick;
                int row = (rep * sums.states + s) * m + tick;
                // a member weighs freezing against another threshold: only candidates and frozen members weigh joining
                if (before[s] == Status.MEMBER) {
                    rows.utility[row] = Float.NaN;
                } else {
                    double[] c = a.contributions();
                    for (int k = 0; k < Driver.values().length; k++) sums.partSum[cell * K + k] += Math.round(c[k] * Aggregate.FIXED);
                    sums.partSum[cell * K + K - 2] += Math.round(-a.cost() * Aggregate.FIXED);
                    sums.partSum[cell * K + K - 1] += Math.round(-a.conditionCost() * Aggregate.FIXED);
                    sums.atRisk[cell]++;
                    sums.thresholdSum[cell] += threshold;
                    if (a.conditionCost() > 0) sums.conditionCosts[cell]++;
                    rows.utility[row] = (float) a.utility();
                }
                before[s] = a.status();
            }
        }
    }

    public int states() { return states; }
    public int months() { return months; }

    /** Runs (of {@link #replications}) in which state s was at risk of joining in month t. */
    public long atRisk(int s, int t) { return atRisk[s * months + t]; }

    /** Mean of part k (see {@link #PARTS}) over the runs at risk; NaN when none was. */
    public double part(int s, int t, int k) {
        long n = atRisk(s, t);
        return n == 0 ? Double.NaN : partSum[(s * months + t) * K + k] / Aggregate.FIXED / n;
    }

    /** Mean utility over the runs at risk: the sum of the parts' means (the parts add up to it by construction). */
    public double utilityMean(int s, int t) {
        long n = atRisk(s, t);
        if (n == 0) return Double.NaN;
        long sum = 0;
        for (int k = 0; k < K; k++) sum += partSum[(s * months + t) * K + k];
        return sum / Aggregate.FIXED / n;
    }

    /** Mean join threshold over the runs at risk (the same in every run at one parameter point). */
    public double threshold(int s, int t) {
        long n = atRisk(s, t);
        return n == 0 ? Double.NaN : thresholdSum[s * months + t] / Aggregate.FIXED / n;
    }

    /** Share of the runs at risk in which an unmet stated condition cost the state utility. */
    public double conditionCostShare(int s, int t) {
        long n = atRisk(s, t);
        return n == 0 ? Double.NaN : conditionCosts[s * months + t] / (double) n;
    }

    /** The pct-th percentile of the utility over the runs at risk: the smallest value reached by at least pct% of them; NaN if none. */
    public double utilityPercentile(int s, int t, int pct) {
        float[] v = new float[replications];
        int n = 0;
        for (int k = 0; k < replications; k++) {
            float u = utility[(k * states + s) * months + t];
            if (!Float.isNaN(u)) v[n++] = u;
        }
        if (n == 0) return Double.NaN;
        Arrays.sort(v, 0, n);
        int rank = (int) Math.ceil(pct / 100.0 * n);
        return v[Math.max(0, rank - 1)];
    }

    /** Mean of utility less threshold over all state-months at risk: how close state s comes to joining. */
    double meanMargin(int s) {
        long n = 0, sum = 0;
        for (int t = 0; t < months; t++) {
            int cell = s * months + t;
            n += atRisk[cell];
            for (int k = 0; k < K; k++) sum += partSum[cell * K + k];
            sum -= thresholdSum[cell];
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : sum / Aggregate.FIXED / n;
    }

    /** Default number of states on the chart. */
    public static final int DEFAULT_STATES = 4;

    /**
     * The states to explain when none are chosen: those at risk of joining in the first month
     * in most runs that join in fewer than half of the runs, first the ones the scenario's title
     * or description names, then the nearest misses (highest mean utility less threshold while
     * at risk); at most {@link #DEFAULT_STATES}.
     */
    public List<Integer> defaultStates() {
        Scenario sc = result.scenario;
        String text = sc.title() + " " + sc.description();
        List<Integer> eligible = new ArrayList<>();
        for (int s = 0; s < states; s++) {
            if (2 * atRisk(s, 0) > replications && result.pEverJoined(s) - result.pJoinedBefore(s) < 0.5) eligible.add(s);
        }
        Comparator<Integer> nearest = Comparator.comparingDouble((Integer s) -> -meanMargin(s)).thenComparing(s -> s);
        List<Integer> out = new ArrayList<>(eligible.stream().filter(s -> named(sc.states().get(s), text)).sorted(nearest).toList());
        eligible.stream().filter(s -> !out.contains(s)).sorted(nearest).forEach(out::add);
        return out.subList(0, Math.min(DEFAULT_STATES, out.size()));
    }

    /** The roster name, or the id as a word of its own, appears in the text. */
    static boolean named(StateSpec state, String text) {
        return text.toLowerCase(Locale.ROOT).contains(state.name().toLowerCase(Locale.ROOT))
                || Pattern.compile("\\b" + Pattern.quote(state.id()) + "\\b").matcher(text).find();
    }
}
