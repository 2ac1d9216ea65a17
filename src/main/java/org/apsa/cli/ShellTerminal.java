package org.apsa.cli;

import org.apache.commons.io.output.CloseShieldOutputStream;

import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.AttributedString;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.shell.boot.TerminalCustomizer;
import org.springframework.stereotype.Component;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The shell's terminal and line editor as this run needs them.
 *
 * <p>In a one-shot run the shell's terminal is standard error, a dumb one: whatever the shell
 * framework prints by itself (errors, usage) stays off standard output, which carries only
 * the result, and carries no colour codes. Its lines end as the platform's do: a terminal
 * ends them with a carriage return too, which a file or a pipe would keep.
 *
 * <p>With {@code NO_COLOR} set, the shell's line editor shows what is typed without colour: the
 * shell's own highlighter paints known commands bold and unknown ones red.
 */
@Component
class ShellTerminal implements TerminalCustomizer, BeanPostProcessor {

    private final boolean oneShot;
    private final boolean plain;

    @Autowired
    ShellTerminal(@Value("${apsa.one-shot:false}") boolean oneShot) {
        this(oneShot, Output.noColourAsked());
    }

    ShellTerminal(boolean oneShot, boolean plain) {
        this.oneShot = oneShot;
        this.plain = plain;
    }

    @Override
    public void customize(org.jline.terminal.TerminalBuilder builder) {
        if (oneShot) {
            builder.system(false)
                    .dumb(true)
                    .type(Terminal.TYPE_DUMB)
                    // No input: standard input belongs to the command ('assess -', 'batch -'), never the terminal.
                    // Standard error shielded: closing the terminal as the context closes must not close the
                    // process's own, which a shutdown hook may still have to write to.
                    .streams(InputStream.nullInputStream(),
                            CloseShieldOutputStream.wrap(new FileOutputStream(FileDescriptor.err)));
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (oneShot && bean instanceof Terminal terminal) {
            Attributes attributes = terminal.getAttributes();
            attributes.setOutputFlag(Attributes.OutputFlag.ONLCR, false);
            terminal.setAttributes(attributes);
        }
        if (plain && bean instanceof LineReaderImpl reader) {
            reader.setHighlighter((lineReader, buffer) -> new AttributedString(buffer));
        }
        return bean;
    }

    /**
     * Whether one of the process's standard streams is a terminal. Java tells only of standard
     * input and output together ({@code System.console()}), so a run with its output redirected
     * would lose a progress bar and one with its errors redirected would fill a log with it: the
     * terminal library asks the system about the stream itself. Where it cannot, standard input
     * falls back on the console check and standard error counts as no terminal.
     */
    static boolean isATerminal(SystemStream stream) {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            // No 'test -t' there; the console check is the best Java offers.
            return System.console() != null;
        }
        try {
            return TerminalProvider.load("exec").isSystemStream(stream);
        } catch (IOException | RuntimeException e) {
            return stream == SystemStream.Input && System.console() != null;
        }
    }
}
