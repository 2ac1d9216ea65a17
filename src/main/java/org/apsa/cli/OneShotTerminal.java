package org.apsa.cli;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.shell.boot.TerminalCustomizer;
import org.springframework.stereotype.Component;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;

/**
 * In a one-shot run the shell's terminal is standard error, a dumb one: whatever the shell
 * framework prints by itself (errors, usage) stays off standard output, which carries only
 * the result, and carries no colour codes.
 */
@Component
class OneShotTerminal implements TerminalCustomizer {

    private final boolean oneShot;

    OneShotTerminal(@Value("${apsa.one-shot:false}") boolean oneShot) {
        this.oneShot = oneShot;
    }

    @Override
    public void customize(org.jline.terminal.TerminalBuilder builder) {
        if (oneShot) {
            builder.system(false)
                    .dumb(true)
                    .type(org.jline.terminal.Terminal.TYPE_DUMB)
                    .streams(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.err));
        }
    }
}
