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
            scripts.run(scripts.open(file));
        } catch (Exception e) {
            // Outside the interactive shell a failing command ends the script it is in, reported
            // already; the scripts that ran this one end with its exit status.
            int reported = Failures.reportedStatus(e);
            if (reported == 0) {
                throw e;
            }
            throw new ScriptStopped(reported);
        }
    }

    /** A script ended by a failure it has reported; its exit status is the run's when nothing catches it. */
    static final class ScriptStopped extends RuntimeException implements ExitCodeGenerator {

        private final int status;

        ScriptStopped(int status) {
            super("the script stopped with exit status " + status, null, false, false);
            this.status = status;
        }

        @Override
        public int getExitCode() {
            return status;
        }
    }
}
