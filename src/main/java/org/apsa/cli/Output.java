package org.apsa.cli;

import org.apsa.render.Style;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where command results go: the terminal in the interactive shell, standard output in a
 * one-shot run (where the shell's terminal is standard error, for messages). The
 * {@code apsa.one-shot} property, set at start, tells which. Colour is used
 * only on an interactive terminal and never when {@code NO_COLOR} is set to a non-empty value.
 */
@Component
class Output {

    private final PrintWriter writer;
    /** Standard output, whose failures are checked after each result; null in the interactive shell. */
    private final PrintStream standardOutput;
    private final boolean colour;
    /** The shell's terminal; null when results go to standard output. */
    private final Terminal terminal;

    @Autowired
    Output(Terminal terminal, @Value("${apsa.one-shot:false}") boolean oneShot) {
        this(oneShot ? null : terminal, oneShot ? System.out : null);
    }

    /** Output to {@code standardOutput}, as a one-shot run has it, no colour. */
    Output(PrintStream standardOutput) {
        this(null, standardOutput);
    }

    private Output(Terminal terminal, PrintStream standardOutput) {
        this.terminal = terminal;
        this.standardOutput = standardOutput;
        if (terminal != null) {
            this.writer = terminal.writer();
            this.colour = !noColourAsked() && !Terminal.TYPE_DUMB.equals(terminal.getType())
                    && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        } else {
            this.writer = new PrintWriter(new OutputStreamWriter(standardOutput, StandardCharsets.UTF_8));
            this.colour = false;
        }
    }

    /** Whether the user asked for no colour anywhere: {@code NO_COLOR} set to a value that is not empty (no-color.org). */
    static boolean noColourAsked() {
        return noColour(System.getenv("NO_COLOR"));
    }

    /** The convention: present and not an empty string, whatever the value; an empty one is as if unset. */
    static boolean noColour(String value) {
        return value != null && !value.isEmpty();
    }

    /**
     * Prints text as it is, ending it with a newline when it lacks one.
     *
     * @throws StandardOutput.Failed when standard output could not take it (a full disk, a closed pipe)
     */
    public void print(String text) {
        if (terminal != null) {
            // The shell's terminal: long lines wrap under their column instead of at its edge.
            text = TerminalWidth.fit(text, width());
        }
        writer.print(text);
        if (!text.endsWith("\n")) {
            writer.println();
        }
        writer.flush();
        if (standardOutput != null) {
            StandardOutput.requireWritten(standardOutput);
        }
    }

    /**
     * Standard input, for a command's {@code -}: free in a one-shot run or a script, but the
     * interactive shell reads its commands there.
     *
     * @throws UsageException in the interactive shell
     */
    InputStream standardInput() {
        if (standardOutput == null) {
            throw new UsageException("'-' reads standard input, from which the interactive shell reads its commands; "
                    + "give a file here, or pipe into a one-shot run: ... | apsa assess -");
        }
        return System.in;
    }

    /** Colours when the text goes to a terminal that shows them, else plain. */
    Style style() {
        return Style.of(colour);
    }

    /**
     * The columns text is wrapped at (help): the terminal's width, asked each time as a
     * window may have been resized; {@link Help#PLAIN_WIDTH} when the results go to no
     * terminal (a pipe, a file) or to one that does not tell its width.
     */
    public int width() {
        int columns = terminal != null ? terminal.getWidth() : standardOutputWidth();
        return columns > 0 ? columns : Help.PLAIN_WIDTH;
    }

    /**
     * Standard output's width when it is a terminal, else 0. Java 17's console exists only
     * when standard input and output are both a terminal, which rules out a pipe or a file
     * without starting anything; only then is the terminal asked. The terminal object is
     * left open: its output stream is standard output's descriptor, which closing it would
     * close before anything is printed; it changes nothing to undo (no raw mode, no signal
     * handlers), and ends with the process.
     */
    private static int standardOutputWidth() {
        if (System.console() == null) {
            return 0;
        }
        try {
            return TerminalBuilder.builder().system(true).dumb(true).nativeSignals(false).build().getWidth();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
