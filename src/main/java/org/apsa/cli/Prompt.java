package org.apsa.cli;

import org.apache.logging.log4j.LogManager;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

/**
 * The shell's prompt. It is asked for on the shell's thread just before each read, which
 * makes it the place to drop an interrupt left over from Ctrl-C pressed while a command ran:
 * a command that finished anyway leaves the flag set, and the read would take it for a
 * request to quit.
 */
@Component
class Prompt implements PromptProvider {

    @Override
    public AttributedString getPrompt() {
        if (Thread.interrupted()) {
            LogManager.getLogger(Prompt.class).debug("an interrupt left by the last command was dropped");
        }
        return new AttributedString("apsa> ", !Output.noColourAsked()
                ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN) : AttributedStyle.DEFAULT);
    }
}
