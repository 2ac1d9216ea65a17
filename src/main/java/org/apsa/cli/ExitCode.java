package org.apsa.cli;

/** The exit statuses of one-shot commands; scripts depend on them (README, "Exit status"). */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /** An input file (a fact set) is invalid, or a rule test failed. */
    INVALID_INPUT(1),
    /** The command line is wrong: unknown command or option, missing or bad value, an output folder that cannot be written. */
    USAGE(2),
    /** The rule base does not compile, or a rule misbehaves while firing. */
    RULES(3),
    /** A defect of the tool itself; the log file has the details. */
    INTERNAL(4),
    /** Stopped by Ctrl-C (SIGINT) before it finished; the shell's convention, 128 + 2. */
    INTERRUPTED(130);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
