package org.apsa.cli;

import org.apsa.fact.KnowledgeBase;
import org.apsa.fact.FactSetReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** '-' for standard input is refused in the interactive shell, which reads its commands from there. */
class FactInputTest {

    @Test
    void theInteractiveShellRefusesDashWithAMessageSayingWhy() throws Exception {
        try (Terminal terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            Output shell = new Output(terminal, false);

            assertThatThrownBy(() -> FactInput.readOne(new FactSetReader(KnowledgeBase.embedded().vocabulary()), "-", shell)).isInstanceOf(UsageException.class)
                    .hasMessageContaining("'-' reads standard input, from which the interactive shell reads its commands");
        }
    }
}
