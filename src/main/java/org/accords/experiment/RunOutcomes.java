package org.accords.experiment;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accords.model.AccordsModel;
import org.accords.model.EventKind;
import org.accords.model.RunObserver;
import org.accords.model.StateAgent;
import org.accords.scenario.RunSettings;
import org.accords.scenario.Scenario;

/**
 * Per-replication outcomes: one row per replication and state with its join month and its
 * freeze and thaw months, so joint questions ("Saudi Arabia and Pakistan both join by 2030")
 * are one line of pandas. The aggregate keeps no runs (its memory is flat in replications), so
 * the rows come from running the replications again, seeded exactly as the ensemble seeded them
 * (same master seed and replication index, same parameter set): a second pass in chunks on
 * worker threads, written in replication order with a bounded number of chunks in flight, so
 * the text is the same at any thread count and memory stays flat.
 */
public final class RunOutcomes {
    public static final String HEADER = "replication,state,join,freeze,thaw";
    /** Replications per chunk of the second pass. */
    static final int CHUNK = 200;

    private RunOutcomes() {}

    /** Rows in the CSV for this result: replications of its shard times states (plus the header). */
    public static long rows(EnsembleResult r) {
        return (long) r.shard.size(r.scenario.run().replications()) * r.states();
    }

    /**
     * Writes the rows of every replication of {@code r}'s shard, in replication order, to
     * {@code out} (header first). Freeze and thaw months are joined with ';' when a state
     * freezes more than once.
     */
    public static void write(EnsembleResult r, int threads, Appendable out, AtomicBoolean cancel) throws IOException {
        Ensemble ensemble = new Ensemble(r.scenario, r.parameterSets, r.held);
        int share = r.shard.size(r.scenario.run().replications());
        out.append(HEADER).append('\n');
        int workers = Math.max(1, threads);
        ExecutorService pool = Workers.pool(workers, "accords-runs");
        try {
            Deque<Future<String>> inFlight = new ArrayDeque<>();
            for (int from = 0; from < share || !inFlight.isEmpty(); ) {
                while (from < share && inFlight.size() < 2 * workers) {
                    int lo = from, hi = Math.min(share, from + CHUNK);
                    inFlight.add(pool.submit(() -> chunk(ensemble, r, lo, hi, cancel)));
                    from = hi;
                }
                out.append(Workers.take(inFlight.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String chunk(Ensemble ensemble, EnsembleResult r, int lo, int hi, AtomicBoolean cancel) {
        Scenario sc = r.scenario;
        RunSettings run = sc.run();
        Recorder rec = new Recorder(sc.states().size());
        StringBuilder b = new StringBuilder();
        Ensemble.Runner runner = ensemble.runner();
        for (int i = lo; i < hi; i++) {
            if (cancel.get()) throw new CancellationException();
            long k = r.shard.unit(i);
            rec.reset();
            runner.run(r.seed, k, rec);
            for (int s = 0; s < rec.join.length; s++) {
                b.append(k).append(',').append(sc.states().get(s).id()).append(',');
                if (rec.join[s] >= 0) b.append(run.monthOf(rec.join[s]));
                b.append(',').append(rec.freezes[s].months(run)).append(',').append(rec.thaws[s].months(run)).append('\n');
            }
        }
        return b.toString();
    }

    /** The join tick and the freeze and thaw ticks of each state in one replication. */
    static final class Recorder implements RunObserver {
        final int[] join;
        final Ticks[] freezes;
        final Ticks[] thaws;

        Recorder(int states) {
            join = new int[states];
            freezes = new Ticks[states];
            thaws = new Ticks[states];
            for (int s = 0; s < states; s++) {
                freezes[s] = new Ticks();
                thaws[s] = new Ticks();
            }
        }

        void reset() {
            Arrays.fill(join, -1);
            for (Ticks t : freezes) t.n = 0;
            for (Ticks t : thaws) t.n = 0;
        }

        @Override
        public void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {
            switch (kind) {
                case JOIN -> join[subject] = tick;
                case FREEZE -> freezes[subject].add(tick);
                case THAW -> thaws[subject].add(tick);
                default -> { }
            }
        }

        @Override
        public void onMonth(int tick, AccordsModel model) {}
    }

    /** A short growable list of ticks. */
    static final class Ticks {
        int[] t = new int[2];
        int n;

        void add(int tick) {
            if (n == t.length) t = Arrays.copyOf(t, 2 * n);
            t[n++] = tick;
        }

        String months(RunSettings run) {
            if (n == 0) return "";
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ";").append(run.monthOf(t[i]));
            return b.toString();
        }
    }
}
