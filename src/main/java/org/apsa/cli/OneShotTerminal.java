package org.apsa.cli;

import org.apache.commons.io.output.CloseShieldOutputStream;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.shell.boot.TerminalCustomizer;
import org.springframework.stereotype.Component;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;

/**
 * In a one-shot run the shell's terminal is standard error, a dumb one: whatever the shell
 * framework prints by itself (errors, usage) stays off standard output, which carries only
 * the result, and carries no colour codes. Its lines end as the platform's do: a terminal
 * ends them with a carriage return too, which a file or a pipe would keep.
 */
@Component
class OneShotTerminal implements TerminalCustomizer, BeanPostProcessor {

    private final boolean oneShot;

    OneShotTerminal(@Value("${apsa.one-shot:false}") boolean oneShot) {
        this.oneShot = oneShot;
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
        return bean;
    }
}
