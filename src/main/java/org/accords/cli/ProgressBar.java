package org.accords.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntConsumer;

/** A progress bar on stderr, redrawn at most ten times a second; silent when disabled. */
final class ProgressBar implements IntConsumer {
    private final PrintStream err;
    private final int total;
    private final String label;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDrawn;

    ProgressBar(PrintStream err, int total, String label, boolean enabled) {
        this.err = err;
        this.total = total;
        this.label = label;
        this.enabled = enabled;
    }

    /** Shown when not quiet and attached to a terminal, or when ACCORDS_PROGRESS=1. */
    static boolean wanted(boolean quiet) {
        return !quiet && (System.console() != null || "1".equals(System.getenv("ACCORDS_PROGRESS")));
    }

    @Override
    public synchronized void accept(int done) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (done < total && now - lastDrawn < 100_000_000L) return;
        lastDrawn = now;
        int width = 30;
        int filled = (int) ((long) done * width / total);
        double secs = (now - started) / 1e9;
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %,d/%,d %.1fs", label, "#".repeat(filled), ".".repeat(width - filled),
                (int) (100L * done / total), done, total, secs));
        if (done >= total) err.println();
        err.flush();
    }
}
