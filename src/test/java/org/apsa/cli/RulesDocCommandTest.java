package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code rules doc --out}: a place it cannot write is a usage error that says why; folders it creates are said. */
class RulesDocCommandTest {

    @Test
    void aFileInThePathIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        RulesCommands commands = new RulesCommands(new RuleBases(null, null), new Output(System.out));

        assertThatThrownBy(() -> commands.doc(null, file.resolve("x.md").toString())).isInstanceOf(UsageException.class)
                .hasMessage("cannot write " + file.resolve("x.md") + ": " + file + " is a file, not a folder");
    }

    @Test
    void theFoldersItCreatesAreSaid(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("docs/rules/CATALOGUE.md");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream standardOutput = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            new RulesCommands(new RuleBases(null, null), new Output(System.out)).doc(null, target.toString());
        } finally {
            System.setOut(standardOutput);
        }

        assertThat(target).exists();
        assertThat(printed.toString(StandardCharsets.UTF_8)).endsWith(" rules to " + target + " (created the missing folders "
                + dir.resolve("docs") + ", " + dir.resolve("docs/rules") + ").\n");
    }
}
