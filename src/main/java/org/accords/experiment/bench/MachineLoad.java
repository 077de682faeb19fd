package org.accords.experiment.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the rest of the machine was during a measurement: the processors' busy time (from
 * /proc/stat, Linux) less this process's own CPU time, over the wall time, in cores. A figure
 * taken while other processes used a core is slower than the machine can do; the benchmark
 * prints this next to its sections so a reader can tell.
 */
final class MachineLoad {
    /** Linux reports /proc/stat in USER_HZ, 100 on every common configuration. */
    private static final double JIFFY_NANOS = 1e7;

    private final long busyJiffies;
    private final long ownCpuNanos;
    private final long wallNanos;

    private MachineLoad(long busyJiffies, long ownCpuNanos, long wallNanos) {
        this.busyJiffies = busyJiffies;
        this.ownCpuNanos = ownCpuNanos;
        this.wallNanos = wallNanos;
    }

    static MachineLoad now() {
        long own = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new MachineLoad(busyJiffies(), own, System.nanoTime());
    }

    /** Cores' worth of CPU used by other processes since {@code start}; NaN where /proc/stat is unavailable. */
    double othersSince(MachineLoad start) {
        if (busyJiffies < 0 || start.busyJiffies < 0) return Double.NaN;
        double busy = (busyJiffies - start.busyJiffies) * JIFFY_NANOS;
        double own = ownCpuNanos - start.ownCpuNanos;
        return Math.max(0, (busy - own) / (wallNanos - start.wallNanos));
    }

    /** user + nice + system + irq + softirq + steal, summed over processors; -1 if unknown. */
    private static long busyJiffies() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            if (!f[0].equals("cpu")) return -1;
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) busy += Long.parseLong(f[i]);
            return busy;
        } catch (Exception e) {
            return -1;
        }
    }
}
