package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code rules doc --out}: a place it cannot write is a usage error that says why. */
class RulesDocCommandTest {

    @Test
    void aFileInThePathIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        RulesCommands commands = new RulesCommands(new RuleBases(), Output.standardOutput());

        assertThatThrownBy(() -> commands.doc(null, file.resolve("x.md").toString())).isInstanceOf(UsageException.class)
                .hasMessage("cannot write " + file.resolve("x.md") + ": " + file + " is a file, not a folder");
    }
}
