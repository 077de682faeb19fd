package org.accords.experiment.backtest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.experiment.Objective;
import org.accords.experiment.Workers;
import org.accords.scenario.Scenario;

/**
 * The calibration objective that matches the backtest: the mean event log score of consecutive
 * {@value #WINDOW}-month windows that end at the last month of the range, each forecast by the
 * ABM from the observed standings at the month before it. Every join, freeze and thaw in the
 * range is scored once, against the standings the record shows at the time, so an early miss does
 * not spoil the rest of the record. Windows run in parallel and are summed in order, so the
 * value does not depend on the thread count.
 */
public final class EventObjective implements Objective {
    public static final int WINDOW = 12;

    private final int replications;
    private final long seed;
    private final int threads;

    public EventObjective(int replications, long seed, int threads) {
        this.replications = replications;
        this.seed = seed;
        this.threads = Math.max(1, threads);
    }

    /** Origins of the windows scored in [from, to]: to - 12, to - 24, ... while the window starts at or after {@code from}. */
    public static List<YearMonth> origins(YearMonth from, YearMonth to) {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth o = to.minusMonths(WINDOW); !o.isBefore(from.minusMonths(1)); o = o.minusMonths(WINDOW)) out.add(0, o);
        return out;
    }

    @Override
    public double loss(Scenario sc, YearMonth from, YearMonth to, AtomicBoolean cancel) {
        List<YearMonth> origins = origins(from, to);
        if (origins.isEmpty()) return Double.NaN; // no complete window in the range
        ObservedHistory history = new ObservedHistory(sc.states().stream().map(s -> s.id()).toList(), sc.observed());
        ExecutorService pool = Workers.pool(Math.min(threads, origins.size()), "accords-objective");
        try {
            List<Future<double[]>> parts = new ArrayList<>();
            for (YearMonth o : origins) {
                parts.add(pool.submit(() -> {
                    if (cancel.get()) throw new CancellationException();
                    AbmEvents abm = new AbmEvents(sc.fromObserved(o.plusMonths(1)).truncatedTo(o.plusMonths(WINDOW)), replications, seed);
                    EventWindow w = EventWindow.observe(history, o, WINDOW);
                    double[] log = EventScores.log(abm.forecast(w), w.outcomes());
                    double sum = 0;
                    for (double v : log) sum += v;
                    return new double[] {sum, log.length};
                }));
            }
            double sum = 0;
            double n = 0;
            for (Future<double[]> f : parts) {
                double[] r = Workers.take(f);
                sum += r[0];
                n += r[1];
            }
            return sum / n;
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public String description() {
        return "mean event log score of " + WINDOW + "-month windows from the observed standings";
    }
}
