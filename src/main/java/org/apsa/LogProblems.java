package org.apsa;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

import java.io.PrintStream;

/**
 * What Log4j2 says about its own trouble (a log folder that cannot be created or written, a
 * configuration of the user's that does not load) reaches the user as one line on standard
 * error, once a run, instead of Log4j2's status lines with their stack traces; the command goes
 * on. Registering a listener of Log4j2's status logger replaces its console fallback.
 */
final class LogProblems implements StatusListener {

    private final PrintStream err;
    private boolean told;

    LogProblems(PrintStream err) {
        this.err = err;
    }

    /** Sends Log4j2's status errors to {@code err}, the first of a run only; call it before anything logs. */
    static void reportTo(PrintStream err) {
        StatusLogger.getLogger().registerListener(new LogProblems(err));
    }

    @Override
    public synchronized void log(StatusData data) {
        if (told) {
            return;
        }
        told = true;
        Throwable cause = data.getThrowable();
        err.println("apsa: the log: " + data.getMessage().getFormattedMessage()
                + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
                + "; this run keeps no log. Set APSA_LOG_DIR to a folder you can write to");
    }

    @Override
    public Level getStatusLevel() {
        return Level.ERROR;
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
