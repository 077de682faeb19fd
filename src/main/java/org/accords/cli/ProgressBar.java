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

    /** Shown when not quiet and stderr is a terminal, or when ACCORDS_PROGRESS=1. */
    static boolean wanted(boolean quiet) {
        return !quiet && (stderrIsTerminal() || "1".equals(System.getenv("ACCORDS_PROGRESS")));
    }

    /**
     * Whether stderr (not stdin or stdout, which System.console() looks at) is a terminal: on
     * Linux, where descriptor 2 points; elsewhere System.console() as the best guess.
     */
    static boolean stderrIsTerminal() {
        java.nio.file.Path fd = java.nio.file.Path.of("/proc/self/fd/2");
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/fd"))) {
            try {
                String to = java.nio.file.Files.readSymbolicLink(fd).toString();
                return to.startsWith("/dev/pts/") || to.startsWith("/dev/tty") || to.equals("/dev/console");
            } catch (java.io.IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
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
