package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar when standard output does not take its results: a full disk is a failure
 * said on standard error (exit 2), a pipe closed by its reader ends the run at once without a
 * word (exit 141), as {@code apsa ... | head} expects.
 */
class StandardOutputIT {

    private static final String BASELINE = Jar.PROJECT.resolve("facts/baseline-2014-12.json").toString();
    private static final String RULES = Jar.PROJECT.resolve("rules").toString();

    @TempDir
    Path cwd;
    @TempDir
    Path logs;

    @Test
    void aResultWrittenToAFullDiskExitsTwoWithTheReason() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "needs /dev/full");
        Path err = cwd.resolve("err.txt");
        Process process = Jar.builder(cwd, logs, List.of(), Map.of(), "assess", BASELINE, "--format", "json", "--rules", RULES)
                .redirectOutput(full.toFile()).redirectError(err.toFile()).start();

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCode.USAGE.status());
        assertThat(Files.readString(err, StandardCharsets.UTF_8))
                .isEqualTo("could not write the output: No space left on device; what was written is incomplete\n");
    }

    @Test
    void aOneShotCommandWhosePipeIsClosedExits141Quietly() throws Exception {
        Path err = cwd.resolve("err.txt");
        Process process = Jar.builder(cwd, logs, List.of(), Map.of(), "vocabulary").redirectError(err.toFile()).start();
        // Closed before the JVM is up: its first result meets a pipe no one reads.
        process.getInputStream().close();

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCode.OUTPUT_CLOSED.status());
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aScriptStopsAtTheFirstResultItsClosedPipeDoesNotTake() throws Exception {
        // Hundreds of results, far more than a pipe holds: the script is still running when its reader goes.
        Path script = Files.writeString(cwd.resolve("long.apsa"), "vocabulary\n".repeat(400));
        Path err = cwd.resolve("err.txt");
        Process process = Jar.builder(cwd, logs, List.of(), Map.of(), "@" + script).redirectError(err.toFile()).start();
        try (InputStream out = process.getInputStream()) {
            assertThat(out.readNBytes(100)).hasSize(100);
        }

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped once its reader went").isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCode.OUTPUT_CLOSED.status());
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).isEmpty();
    }
}
