package org.apsa.cli;

import org.jline.reader.Parser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.Shell;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.util.OptionalInt;

/** {@code script FILE}: runs a file of shell commands in the shell, as {@code @FILE} does from the command line. */
@Command(group = "Built-In Commands")
class ScriptCommand {

    private final Parser parser;
    private final ObjectProvider<Shell> shell;

    ScriptCommand(Parser parser, ObjectProvider<Shell> shell) {
        this.parser = parser;
        this.shell = shell;
    }

    @Command(command = "script", description = "Run a file of shell commands, one a line; lines starting with # or // are "
            + "comments. Example: script examples/session.apsa")
    void script(@Option(longNames = "file", required = true, description = "the file of commands") String file) throws Exception {
        try (ScriptInput commands = ScriptInput.open(file, parser)) {
            shell.getObject().run(commands);
        } catch (Exception e) {
            // Outside the interactive shell a failing command ends the script it is in, reported
            // already; the scripts that ran this one end with its exit status.
            OptionalInt reported = ExitCode.ofReported(e);
            if (reported.isEmpty()) {
                throw e;
            }
            throw new ScriptStopped(reported.getAsInt());
        }
    }

    /** A script ended by a failure it has reported: the exit status, nothing more to say. */
    static final class ScriptStopped extends RuntimeException {

        private final int status;

        ScriptStopped(int status) {
            super("the script stopped with exit status " + status, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
