package org.apsa.cli;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

/** The shell's prompt. */
@Component
class Prompt implements PromptProvider {

    @Override
    public AttributedString getPrompt() {
        return new AttributedString("apsa> ", System.getenv("NO_COLOR") == null
                ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN) : AttributedStyle.DEFAULT);
    }
}
