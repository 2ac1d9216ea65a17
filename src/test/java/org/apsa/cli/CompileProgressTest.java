package org.apsa.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Compiling the rules says so on a terminal once it takes longer than the delay, and wipes the line after. */
class CompileProgressTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void aLongCompileOnATerminalIsShownThenWiped() {
        CompileProgress progress = new CompileProgress(stream, () -> true, Duration.ofMillis(50));

        String result = progress.during("Compiling the embedded rules", () -> sleep(400));

        assertThat(result).isEqualTo("done");
        String shown = err.toString(StandardCharsets.UTF_8);
        assertThat(shown).startsWith("\rCompiling the embedded rules... 0 s").endsWith("\r");
        String last = shown.substring(shown.lastIndexOf("\rCompiling") + 1, shown.length() - 1);
        assertThat(shown).endsWith("\r" + " ".repeat(last.indexOf('\r')) + "\r");
    }

    @Test
    void aQuickLoadShowsNothing() {
        CompileProgress progress = new CompileProgress(stream, () -> true, Duration.ofSeconds(5));

        progress.during("Compiling the embedded rules", () -> sleep(10));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void nothingIsWrittenWhenStandardErrorIsNoTerminal() {
        CompileProgress progress = new CompileProgress(stream, () -> false, Duration.ofMillis(20));

        progress.during("Compiling the embedded rules", () -> sleep(300));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static String sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "done";
    }
}
