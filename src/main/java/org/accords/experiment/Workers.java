package org.accords.experiment;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of work done on a worker thread, with its failure as the caller's own: cancellation stays cancellation. */
public final class Workers {
    private Workers() {}

    /** A fixed pool of daemon threads named {@code name} (a run never waits on them to exit). */
    public static java.util.concurrent.ExecutorService pool(int threads, String name) {
        return java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public static <T> T take(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException c) throw c;
            if (e.getCause() instanceof RuntimeException x) throw x;
            throw new IllegalStateException(e.getCause());
        }
    }
}
