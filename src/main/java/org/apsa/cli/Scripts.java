package org.apsa.cli;

import org.jline.reader.Parser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.shell.Shell;
import org.springframework.shell.ShellRunner;
import org.springframework.shell.jline.ScriptShellRunner;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The scripts of shell commands ({@link ScriptInput}) of this run of the tool: run from the
 * command line ({@code java -jar apsa.jar @FILE}, in place of the shell's own runner, which
 * ends a script silently at its first comment) or by {@code script FILE}. While one runs, the
 * scripts running, the innermost first when scripts run scripts, say where the command that
 * runs came from ({@link #position()}) and all stop at once ({@link #stopAll()}). The shell
 * runs one command at a time, so one list serves the run.
 */
@Component
@Order(ScriptShellRunner.PRECEDENCE - 1)
class Scripts implements ShellRunner {

    private final Parser parser;
    private final ObjectProvider<Shell> shell;
    private final Deque<ScriptInput> running = new ArrayDeque<>();

    @Autowired
    Scripts(Parser parser, ObjectProvider<Shell> shell) {
        this.parser = parser;
        this.shell = shell;
    }

    /** Scripts where none runs, for a failure said outside the shell. */
    Scripts() {
        this(null, null);
    }

    @Override
    public boolean run(String[] args) throws Exception {
        if (args.length == 0 || !args[0].startsWith("@")) {
            return false;
        }
        for (String arg : args) {
            if (arg.startsWith("@")) {
                // A script that cannot be opened or is stopped ends the run: Failures says so and gives its status.
                run(open(arg.substring(1)));
            }
        }
        return true;
    }

    /**
     * Runs a script to its end.
     *
     * @throws Interrupted when a Ctrl-C between two of its commands stopped it
     */
    void run(ScriptInput script) throws Exception {
        try (script) {
            shell.getObject().run(script);
        }
        if (script.interrupted()) {
            throw new Interrupted();
        }
    }

    /** A script stopped by a Ctrl-C that came between two of its commands: no command failed to say so. */
    static final class Interrupted extends RuntimeException {

        Interrupted() {
            super("the script was stopped by Ctrl-C between two commands", null, false, false);
        }
    }

    /**
     * The script in {@code file}, running from now until it is closed.
     *
     * @throws UsageException when the file is missing, a folder, unreadable, not UTF-8, or a script running it already
     */
    ScriptInput open(String file) {
        if (file.isBlank()) {
            throw new UsageException("a file name is missing after @: write it right after the @, with no space, e.g. @examples/session.apsa");
        }
        Path path = UserPaths.of(file);
        String why = Files.isDirectory(path) ? "is a folder" : !Files.exists(path) ? "no such file"
                : !Files.isReadable(path) ? "cannot be read: permission denied" : null;
        if (why != null) {
            throw new UsageException(file + ": " + why + "; give a file of shell commands, e.g. @examples/session.apsa");
        }
        byte[] bytes;
        Path real;
        try {
            real = path.toRealPath();
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        for (ScriptInput script : running) {
            if (script.real().equals(real)) {
                throw new UsageException(file + " is running already (" + script.position().orElse(script.file().toString())
                        + " is inside it); a script may not run itself, even through another");
            }
        }
        ScriptInput script = new ScriptInput(path, real, ScriptInput.lines(path, bytes), parser, this);
        running.push(script);
        return script;
    }

    /** The script is over: the one that ran it, if any, is the running one again. */
    void closed(ScriptInput script) {
        running.remove(script);
    }

    /** Where the script command that is running came from, as "file:line"; empty outside scripts. */
    Optional<String> position() {
        return running.isEmpty() ? Optional.empty() : running.peek().position();
    }

    /** Ends every script running, after the command that is running. */
    void stopAll() {
        running.forEach(script -> script.stop(false));
    }

    /** Ends every script running, after a Ctrl-C that the command running then did not notice. */
    void interrupted() {
        running.forEach(script -> script.stop(true));
    }
}
