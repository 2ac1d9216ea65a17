package org.apsa.cli;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.shell.CommandNotFound;
import org.springframework.shell.command.CommandExecution.CommandParserExceptionsException;

import java.util.OptionalInt;

/** The exit statuses of one-shot commands; scripts depend on them (README, "Exit status"). */
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

    /**
     * The exit status of a failure the shell has already reported to the user (a command that
     * failed in a script, an unknown command, a parser error); empty for any other failure.
     */
    public static OptionalInt ofReported(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ExitCodeGenerator generator && generator.getExitCode() != 0) {
                return OptionalInt.of(generator.getExitCode());
            }
            if (t instanceof CommandParserExceptionsException || t instanceof CommandNotFound) {
                return OptionalInt.of(USAGE.status());
            }
        }
        return OptionalInt.empty();
    }
}
