package org.apsa.cli;

import org.jline.reader.Parser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.Shell;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

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
        }
    }
}
