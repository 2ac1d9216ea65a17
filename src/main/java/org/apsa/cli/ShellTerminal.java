package org.apsa.cli;

import org.apache.commons.io.output.CloseShieldOutputStream;

import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.shell.boot.TerminalCustomizer;
import org.springframework.stereotype.Component;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
}
