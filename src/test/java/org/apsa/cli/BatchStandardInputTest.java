package org.apsa.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code batch -} at a terminal says on standard error that it reads fact sets until Ctrl-D,
 * instead of waiting in silence; from a pipe or a file it says nothing.
 */
class BatchStandardInputTest {

    private static final InputStream STDIN = System.in;
    private static final RuleBases RULES = new RuleBases(null, null);

    @TempDir
    Path temp;

    @AfterEach
    void restoreStandardInput() {
        System.setIn(STDIN);
    }

    @Test
    void atATerminalItSaysItReadsStandardInputUntilCtrlD() throws Exception {
        String messages = batchFromStandardInput(true, temp.resolve("out"));

        assertThat(messages).isEqualTo(BatchCommands.READING_A_TERMINAL + System.lineSeparator())
                .isEqualTo("reading fact sets from standard input (Ctrl-D to end)" + System.lineSeparator());
        assertThat(Files.readAllLines(temp.resolve("out/assessments.jsonl"))).hasSize(2);
    }

    @Test
    void fromAPipeItSaysNothing() throws Exception {
        assertThat(batchFromStandardInput(false, temp.resolve("out"))).isEmpty();
        assertThat(Files.readAllLines(temp.resolve("out/assessments.jsonl"))).hasSize(2);
    }

    /** Runs {@code batch - --out OUT} on two fact sets; returns what it said on standard error. */
    private static String batchFromStandardInput(boolean terminal, Path out) {
        System.setIn(new ByteArrayInputStream(("{\"id\": \"a\", \"indicators\": {}}\n"
                + "{\"id\": \"b\", \"indicators\": {\"us.presence.transparency\": \"high\"}}\n").getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        BatchCommands commands = new BatchCommands(RULES, new Output(new PrintStream(stdout, true, StandardCharsets.UTF_8)),
                () -> terminal, new PrintStream(stderr, true, StandardCharsets.UTF_8));

        commands.batch(new String[] {"-"}, out.toString(), "jsonl", 1, "full", null);

        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Assessed 2 fact sets");
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
