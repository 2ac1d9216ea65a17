package org.apsa.cli;

import org.apache.logging.log4j.LogManager;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

/**
 * The shell's prompt, which names the fact set being worked on and marks unsaved changes. It is asked for on the shell's thread just before each read, which
 * makes it the place to drop an interrupt left over from Ctrl-C pressed while a command ran:
 * a command that finished anyway leaves the flag set, and the read would take it for a
 * request to quit.
 */
@Component
class Prompt implements PromptProvider {

    /** The longest fact set id shown in full; a longer one is cut, its end kept. */
    static final int ID_WIDTH = 24;

    private final Workbench bench;

    Prompt(Workbench bench) {
        this.bench = bench;
    }

    @Override
    public AttributedString getPrompt() {
        if (Thread.interrupted()) {
            LogManager.getLogger(Prompt.class).debug("an interrupt left by the last command was dropped");
        }
        return new AttributedString(text(), !Output.noColourAsked()
                ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN) : AttributedStyle.DEFAULT);
    }

    /** "apsa> " with no fact set; "apsa[baseline-2014-12]> " with one; a '*' after its id while it has unsaved changes. */
    String text() {
        if (!bench.hasCurrent()) {
            return "apsa> ";
        }
        String id = bench.current().id();
        if (id.length() > ID_WIDTH) {
            id = "\u2026" + id.substring(id.length() - ID_WIDTH + 1);
        }
        return "apsa[" + id + (bench.dirty() ? "*" : "") + "]> ";
    }
}
