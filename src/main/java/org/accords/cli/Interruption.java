package org.accords.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C and SIGTERM. One shutdown hook, installed before anything else runs, sets the cancel
 * flag of every running job, waits until the command has cleaned up (its temporary folder
 * removed), and makes sure the "interrupted" line is printed once. Installing it first means an
 * interrupt during start-up is an interruption too, never an "internal error" from a hook
 * registered while the JVM is already shutting down.
 */
final class Interruption {
    static final String LINE = "accords: interrupted; no result folder written";

    private static final List<AtomicBoolean> FLAGS = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean REQUESTED = new AtomicBoolean();
    private static final AtomicBoolean REPORTED = new AtomicBoolean();
    private static final CountDownLatch FINISHED = new CountDownLatch(1);

    private Interruption() {}

    /** Installs the hook (once per JVM, by {@link Main#main}). */
    static void install(PrintWriter err) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (FINISHED.getCount() == 0) return; // a normal exit: System.exit runs the hooks too
            request();
            try {
                FINISHED.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (REPORTED.compareAndSet(false, true)) {
                err.println("accords: interrupted");
                err.flush();
            }
        }, "accords-shutdown"));
    }

    /** Stops every running job and any job started from now on. */
    static void request() {
        REQUESTED.set(true);
        FLAGS.forEach(f -> f.set(true));
    }

    /** For tests that run many commands in one JVM: forget an interruption. */
    static void clear() {
        REQUESTED.set(false);
        REPORTED.set(false);
    }

    /** A cancel flag for one job: set when the process is interrupted (already set if it was). */
    static AtomicBoolean newFlag() {
        AtomicBoolean f = new AtomicBoolean();
        FLAGS.add(f);
        if (REQUESTED.get()) f.set(true);
        return f;
    }

    static void done(AtomicBoolean flag) {
        FLAGS.remove(flag);
    }

    /** Prints the interrupted line of a command that stopped; the hook then prints nothing more. */
    static void report(PrintWriter err) {
        REPORTED.set(true);
        err.println(LINE);
        err.flush();
    }

    /** The command has returned and cleaned up: the hook may let the JVM exit. */
    static void finished() {
        FINISHED.countDown();
    }
}
