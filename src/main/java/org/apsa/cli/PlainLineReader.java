package org.apsa.cli;

import org.jline.reader.impl.LineReaderImpl;
import org.jline.utils.AttributedString;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * With {@code NO_COLOR} set, the shell's line editor shows what is typed without colour: the
 * shell's own highlighter paints known commands bold and unknown ones red.
 */
@Component
class PlainLineReader implements BeanPostProcessor {

    private final boolean plain;

    @Autowired
    PlainLineReader() {
        this(Output.noColourAsked());
    }

    PlainLineReader(boolean plain) {
        this.plain = plain;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (plain && bean instanceof LineReaderImpl reader) {
            reader.setHighlighter((lineReader, buffer) -> new AttributedString(buffer));
        }
        return bean;
    }
}
