package org.apsa.cli;

import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ShellTerminalTest {

    @Test
    void withNoColourAskedWhatIsTypedIsShownWithoutColour() throws IOException {
        try (Terminal terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            LineReaderImpl reader = new LineReaderImpl(terminal);
            reader.setHighlighter((r, buffer) -> new AttributedString(buffer, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)));

            new ShellTerminal(false, false).postProcessAfterInitialization(reader, "lineReader");
            assertThat(reader.getHighlighter().highlight(reader, "asess").toAnsi()).contains("\u001b[");

            new ShellTerminal(false, true).postProcessAfterInitialization(reader, "lineReader");
            assertThat(reader.getHighlighter().highlight(reader, "asess").toAnsi()).isEqualTo("asess");
        }
    }
}
