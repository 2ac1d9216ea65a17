package org.apsa.cli;

import org.apsa.batch.Batch;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The batch's progress on a terminal: count, rate and time left, redrawn in place on
 * standard error at most five times a second. Used only when there is a terminal, so
 * scripts and logs never see it.
 */
final class ProgressBar implements Batch.Progress {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private long expected = -1;
    private long start;
    private long lastDraw;
    private long done;
    private boolean drawn;
    private int lastLength;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public boolean wantsEstimate() {
        return true;
    }

    @Override
    public void started(long expected) {
        this.expected = expected;
        this.start = System.nanoTime();
    }

    @Override
    public void advanced(long done) {
        this.done = done;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(now);
        }
    }

    @Override
    public void finished() {
        if (drawn) {
            draw(System.nanoTime());
            err.print('\n');
            err.flush();
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder("\r");
        if (expected > 0) {
            double share = Math.min(1.0, (double) done / expected);
            int filled = (int) Math.round(share * WIDTH);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%% ", share * 100));
        }
        line.append(done).append(expected > 0 ? "/" + expected : "").append(" fact sets, ")
                .append(String.format(Locale.ROOT, "%.0f/s", rate));
        if (expected > done && rate > 0) {
            long left = Math.round((expected - done) / rate);
            line.append(String.format(Locale.ROOT, ", about %d:%02d left", left / 60, left % 60));
        }
        // Blank what a longer earlier line left, such as the time left once there is none.
        int length = line.length();
        line.append(" ".repeat(Math.max(0, lastLength - length)));
        lastLength = length;
        err.print(line);
        err.flush();
        drawn = true;
    }
}
