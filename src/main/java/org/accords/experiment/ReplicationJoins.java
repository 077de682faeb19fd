package org.accords.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
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
import org.accords.scenario.Scenario;

/**
 * Per replication, in replication order, the month in which each state first joined: what a
 * paired comparison of two scenarios needs (replication k of both shares its random numbers).
 * The aggregate keeps no runs, so the months come either from a run folder's {@code runs.csv}
 * (no simulation) or, when there is none, from running the replications again, seeded as the
 * ensemble seeded them. Either way memory holds a bounded number of replications.
 */
public final class ReplicationJoins {
    /** Join tick of a state that had joined before the first month (a run from the observed present). */
    public static final int BEFORE = -1;
    /** Join tick of a state that never joined in the run. */
    public static final int NEVER = Integer.MAX_VALUE;

    private ReplicationJoins() {}

    /** Replications in order; {@link #next} fills one replication's join ticks per state. */
    public interface Source extends AutoCloseable {
        /** @return false when every replication has been read */
        boolean next(int[] joinTicks) throws IOException;

        @Override
        default void close() throws IOException {}
    }

    /**
     * The replications of {@code r} read from its runs.csv, or null when that file cannot stand
     * for them: it is missing, or a state's status before the first month differs between runs
     * (runs.csv leaves the join month of such a state empty, like a state that never joined).
     * A file that does not match the result is found by {@link PairedDifference}'s totals check.
     */
    public static Source fromRunsCsv(Path file, EnsembleResult r) throws IOException {
        if (file == null || !Files.isRegularFile(file)) return null;
        Scenario sc = r.scenario;
        boolean[] before = new boolean[r.states()];
        for (int s = 0; s < r.states(); s++) {
            double p = r.pJoinedBefore(s);
            if (p != 0 && p != 1) return null;
            before[s] = p == 1;
        }
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        if (!RunOutcomes.HEADER.equals(in.readLine())) {
            in.close();
            return null;
        }
        YearMonth start = sc.run().start();
        return new Source() {
            String pending = in.readLine();

            @Override
            public boolean next(int[] ticks) throws IOException {
                if (pending == null) return false;
                String rep = pending.substring(0, pending.indexOf(','));
                Arrays.fill(ticks, NEVER);
                int rows = 0;
                while (pending != null && pending.startsWith(rep + ",")) {
                    String[] f = pending.split(",", -1);
                    int s = sc.indexOf(f[1]);
                    if (f.length != 5 || s < 0) throw new IOException(file + ": not a runs.csv of " + sc.name());
                    if (before[s]) ticks[s] = BEFORE;
                    else if (!f[2].isEmpty()) ticks[s] = (int) java.time.temporal.ChronoUnit.MONTHS.between(start, YearMonth.parse(f[2]));
                    rows++;
                    pending = in.readLine();
                }
                if (rows != ticks.length) throw new IOException(file + ": replication " + rep + " has " + rows + " rows, not " + ticks.length);
                return true;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /**
     * The replications of {@code r} run again (same master seed, replication indices and
     * parameter sets), in chunks on worker threads, at most two chunks per worker in flight.
     */
    public static Source resimulated(EnsembleResult r, int threads, AtomicBoolean cancel) {
        Ensemble ensemble = new Ensemble(r.scenario, r.parameterSets, r.held);
        int share = r.shard.size(r.scenario.run().replications());
        int workers = Math.max(1, threads);
        ExecutorService pool = Workers.pool(workers, "accords-pairs");
        return new Source() {
            final Deque<Future<int[][]>> inFlight = new ArrayDeque<>();
            int from;
            int[][] chunk = new int[0][];
            int at;

            @Override
            public boolean next(int[] ticks) throws IOException {
                if (at == chunk.length) {
                    while (from < share && inFlight.size() < 2 * workers) {
                        int lo = from, hi = Math.min(share, from + RunOutcomes.CHUNK);
                        inFlight.add(pool.submit(() -> run(ensemble, r, lo, hi, cancel)));
                        from = hi;
                    }
                    if (inFlight.isEmpty()) return false;
                    chunk = Workers.take(inFlight.removeFirst());
                    at = 0;
                }
                System.arraycopy(chunk[at++], 0, ticks, 0, ticks.length);
                return true;
            }

            @Override
            public void close() {
                pool.shutdownNow();
            }
        };
    }

    private static int[][] run(Ensemble ensemble, EnsembleResult r, int lo, int hi, AtomicBoolean cancel) {
        int[][] out = new int[hi - lo][];
        Ensemble.Runner runner = ensemble.runner();
        for (int i = lo; i < hi; i++) {
            if (cancel.get()) throw new CancellationException();
            Recorder rec = new Recorder(r.states());
            runner.run(r.seed, r.shard.unit(i), rec);
            out[i - lo] = rec.ticks;
        }
        return out;
    }

    /** The first join tick of each state in one replication (BEFORE for a state that starts joined). */
    static final class Recorder implements RunObserver {
        final int[] ticks;

        Recorder(int states) {
            ticks = new int[states];
            Arrays.fill(ticks, NEVER);
        }

        @Override
        public void onRunStart(AccordsModel model) {
            for (StateAgent a : model.agents()) if (a.hasJoined()) ticks[a.index] = BEFORE;
        }

        @Override
        public void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {
            if (kind == EventKind.JOIN && ticks[subject] == NEVER) ticks[subject] = tick;
        }
    }
}
