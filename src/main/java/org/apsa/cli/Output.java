package org.apsa.cli;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where command results go: the terminal in the interactive shell, standard output in a
 * one-shot run (where the shell's terminal is standard error, for messages). The
 * {@code apsa.one-shot} property, set at start, tells which. Colour is used
 * only on an interactive terminal and never when {@code NO_COLOR} is set.
 */
@Component
public class Output {

    private final PrintWriter writer;
    private final boolean colour;

    Output(Terminal terminal, @Value("${apsa.one-shot:false}") boolean oneShot) {
        if (!oneShot) {
            this.writer = terminal.writer();
            this.colour = !noColourAsked() && !Terminal.TYPE_DUMB.equals(terminal.getType())
                    && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        } else {
            this.writer = new PrintWriter(new PrintStream(System.out, true, StandardCharsets.UTF_8), true);
            this.colour = false;
        }
    }

    /** Whether the user asked for no colour anywhere ({@code NO_COLOR} set, see no-color.org). */
    static boolean noColourAsked() {
        return System.getenv("NO_COLOR") != null;
    }

    /** Output for a one-shot run: standard output, no colour. */
    static Output standardOutput() {
        return new Output(null, true);
    }

    /** Prints text as it is, ending it with a newline when it lacks one. */
    public void print(String text) {
        writer.print(text);
        if (!text.endsWith("\n")) {
            writer.println();
        }
        writer.flush();
    }

    public boolean colour() {
        return colour;
    }
}
