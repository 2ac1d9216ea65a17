package org.apsa.cli;

import org.jline.terminal.spi.SystemStream;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A line on standard error while the rules are made ready, when that takes more than a second
 * (a compile after a change of the rules or of the tool; loading from the compiled-rule cache
 * takes less) and standard error is a terminal: what is happening and for how long, redrawn
 * in place and wiped when done. Results on standard output are never mixed with it, and
 * nothing is written when standard error goes to a file or a pipe.
 */
final class CompileProgress {

    static final Duration AFTER = Duration.ofSeconds(1);
    private static final long REDRAW_MILLIS = 500;

    private final PrintStream err;
    private final BooleanSupplier terminal;
    private final Duration after;

    CompileProgress(PrintStream err, BooleanSupplier terminal, Duration after) {
        this.err = err;
        this.terminal = terminal;
        this.after = after;
    }

    /** On standard error, if it is a terminal (asked only once the second has passed). */
    static CompileProgress standardError() {
        return new CompileProgress(System.err, () -> ShellTerminal.isATerminal(SystemStream.Error), AFTER);
    }

    /** Runs {@code work}, saying "{@code what}... N s" from the moment it has taken longer than the delay. */
    <T> T during(String what, Supplier<T> work) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apsa-compile-progress");
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        int[] shown = {0};
        Object lock = new Object();
        timer.scheduleAtFixedRate(() -> {
            synchronized (lock) {
                if (shown[0] < 0 || (shown[0] == 0 && !terminal.getAsBoolean())) {
                    shown[0] = -1;
                    return;
                }
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                String line = String.format(Locale.ROOT, "%s... %d s", what, seconds);
                err.print("\r" + line);
                err.flush();
                shown[0] = line.length();
            }
        }, after.toMillis(), REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        try {
            return work.get();
        } finally {
            timer.shutdownNow();
            synchronized (lock) {
                if (shown[0] > 0) {
                    err.print("\r" + " ".repeat(shown[0]) + "\r");
                    err.flush();
                }
                shown[0] = -1;
            }
        }
    }
}
