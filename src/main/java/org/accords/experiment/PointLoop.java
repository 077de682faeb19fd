package org.accords.experiment;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * Runs the points of a design in point order and hands each result on as soon as it is done,
 * so nothing per point is kept (memory is flat in the number of points) and outputs are
 * streamed in point order. Which points run is a predicate: all of them, the ones not yet done
 * ({@code --resume}), or one shard's (points p with p mod N = K).
 */
public final class PointLoop {
    private PointLoop() {}

    /** Receives each finished point, in point order. */
    public interface Sink {
        void accept(int point, Outcome.Value[] values) throws IOException;
    }

    /**
     * @param selected which points to run
     * @param progress called with the number of points finished in this call
     */
    public static void run(double[][] design, PointModel model, IntPredicate selected, Sink sink,
                           IntConsumer progress, AtomicBoolean cancel) throws IOException {
        int done = 0;
        for (int p = 0; p < design.length; p++) {
            if (!selected.test(p)) continue;
            if (cancel.get()) throw new CancellationException();
            sink.accept(p, model.evaluate(p, design[p], cancel));
            progress.accept(++done);
        }
    }
}
