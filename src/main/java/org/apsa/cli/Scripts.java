package org.apsa.cli;

import org.jline.reader.Parser;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The scripts running in this run of the tool ({@code @FILE}, {@code script FILE}), the
 * innermost first when scripts run scripts: where the command that runs came from, so that a
 * failure can say it ({@link #position()}), and a stop that ends them all ({@link #stopAll()}).
 * The shell runs one command at a time, so one list serves the run.
 */
@Component
class Scripts {

    private final Deque<ScriptInput> running = new ArrayDeque<>();

    /**
     * The script in {@code file}, running from now until it is closed.
     *
     * @throws UsageException when the file is missing, a folder, unreadable, not UTF-8, or a script running it already
     */
    ScriptInput open(String file, Parser parser) {
        ScriptInput.problem(file).ifPresent(problem -> {
            throw new UsageException(problem);
        });
        Path path = UserPaths.of(file);
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
        running.forEach(ScriptInput::stop);
    }

    /** A Ctrl-C that the command running did not notice: every script running stops, and says so. */
    void interrupted() {
        running.forEach(ScriptInput::interrupt);
    }
}
