package org.apsa.cli;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** '-' for standard input is refused in the interactive shell, which reads its commands from there. */
class CommandsTest {

    @Test
    void theInteractiveShellRefusesDashWithAMessageSayingWhy() throws Exception {
        try (Terminal terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            Output shell = new Output(terminal, false);
            AssessCommands commands = new AssessCommands(new RuleBases(null, null), new Workbench(Workbench.Run.SHELL), shell);

            assertThatThrownBy(() -> commands.facts("-", (String) null)).isInstanceOf(UsageException.class)
                    .hasMessageContaining("'-' reads standard input, from which the interactive shell reads its commands");
        }
    }
}
