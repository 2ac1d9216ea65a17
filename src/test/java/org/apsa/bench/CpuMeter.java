package org.apsa.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CPU time (user and system, every thread of the process: workers, the JIT, the garbage
 * collector) of one JMH iteration, printed with the iteration as operations per CPU-second
 * beside the wall-clock rate and the load average. On a machine shared with other work the wall
 * rate falls with the share of the cores the run gets; the rate per CPU-second falls far less,
 * so runs under different loads can be compared, and on two idle cores the wall rate can reach
 * about twice it.
 */
final class CpuMeter {

    private final String unit;
    private final AtomicLong operations = new AtomicLong();
    private long cpu;
    private long wall;

    CpuMeter(String unit) {
        this.unit = unit;
    }

    void start() {
        operations.set(0);
        cpu = processCpu();
        wall = System.nanoTime();
    }

    void count(long ops) {
        operations.addAndGet(ops);
    }

    /** Prints the iteration's figures, {@code label} first. */
    void stop(String label) {
        double cpuSeconds = (processCpu() - cpu) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        long ops = operations.get();
        if (ops == 0 || cpuSeconds <= 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "%n%s: %,.0f %s per CPU-second (user+sys, all threads), %,.0f %s/s wall, load average %s%n",
                label, ops / cpuSeconds, unit, ops / wallSeconds, unit, loadAverage());
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    }
}
