package org.apsa.cli;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/** {@code script FILE}: runs a file of shell commands in the shell, as {@code @FILE} does from the command line. */
@Command(group = Help.SHELL)
@ShellOnly
public class ScriptCommand {

    private final Scripts scripts;

    ScriptCommand(Scripts scripts) {
        this.scripts = scripts;
    }

    @Command(command = "script", description = "Run a file of shell commands, one a line; lines starting with # or // are "
            + "comments. Example: script examples/session.apsa")
    void script(@Option(longNames = "file", required = true, description = "the file of commands")
                @OptionValues(provider = "scriptFiles") String file) throws Exception {
        try {
            if (scripts.run(scripts.open(file))) {
                throw new ScriptStopped(ExitCode.INTERRUPTED.status(), STOPPED_BETWEEN_COMMANDS);
            }
        } catch (ScriptStopped e) {
            throw e;
        } catch (Exception e) {
            // Outside the interactive shell a failing command ends the script it is in, reported
            // already; the scripts that ran this one end with its exit status.
            int reported = Failures.reportedStatus(e);
            if (reported == 0) {
                throw e;
            }
            throw new ScriptStopped(reported, "");
        }
    }

    /** What a script stopped by Ctrl-C between two commands says: no command failed to say it. */
    static final String STOPPED_BETWEEN_COMMANDS = "stopped (Ctrl-C); the rest of the script is not run";

    /**
     * A script ended by a failure it has reported (then {@code said} is empty), or by Ctrl-C;
     * its exit status is the run's when nothing catches it.
     */
    static final class ScriptStopped extends RuntimeException implements ExitCodeGenerator {

        private final int status;
        private final String said;

        ScriptStopped(int status, String said) {
            super("the script stopped with exit status " + status, null, false, false);
            this.status = status;
            this.said = said;
        }

        @Override
        public int getExitCode() {
            return status;
        }

        /** What is left to say; empty when the failure has been said where it happened. */
        String said() {
            return said;
        }
    }
}
