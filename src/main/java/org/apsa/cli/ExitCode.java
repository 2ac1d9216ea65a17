package org.apsa.cli;

/**
 * The exit statuses of one-shot commands and scripts, which callers depend on (docs/commands.md,
 * "Exit status"). {@link Failures} gives each failure its status, in one place.
 */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /** An input file (a fact set) is invalid, or a rule test failed. */
    INVALID_INPUT(1),
    /**
     * The command line is wrong: unknown command or option, missing or bad value; or the output
     * cannot be written where it asks (a full disk, a closed standard output, an output folder
     * or a file to save that cannot be written).
     */
    USAGE(2),
    /** The rule base does not compile, or a rule misbehaves while firing. */
    RULES(3),
    /** A defect of the tool itself; the log file has the details. */
    INTERNAL(4),
    /** Stopped by Ctrl-C (SIGINT) before it finished; the shell's convention, 128 + 2. */
    INTERRUPTED(130),
    /**
     * The reader of standard output went away before the end (a pipe closed, as by
     * {@code | head}): the run stops quietly with the status of a process ended by SIGPIPE,
     * 128 + 13, as other Unix tools do.
     */
    OUTPUT_CLOSED(141);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
