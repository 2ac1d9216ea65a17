package org.apsa.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code version} names the tool's version as the build wrote it, the rules in use, Drools and Java. */
class ToolCommandsTest {

    @Test
    void theVersionIsTheBuildsAndTheRulesAreNamedWithTheirFingerprint() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream standardOutput = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            new ToolCommands(new RuleBases(null, null), new Output(System.out)).version(null);
        } finally {
            System.setOut(standardOutput);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .matches("(?s)apsa \\d+\\.\\d+\\.\\d+\\S*\nrules: embedded, fingerprint [0-9a-f]{12}\nDrools \\S+\nJava .*\n");
    }
}
