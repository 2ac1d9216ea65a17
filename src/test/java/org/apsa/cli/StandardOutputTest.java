package org.apsa.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Results that standard output does not take: said with the system's reason, never passed over with status 0. */
class StandardOutputTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aFullDiskIsAUsageErrorInOneLineWithTheSystemsReason() {
        CommandHarness oneShot = oneShotWritingTo(failing("No space left on device"));

        assertThat(oneShot.execute("vocabulary")).contains(ExitCode.USAGE.status());
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("could not write the output: No space left on device; what was written is incomplete\n");
    }

    @Test
    void aClosedStandardOutputIsSaidInWords() {
        CommandHarness oneShot = oneShotWritingTo(failing("Bad file descriptor"));

        assertThat(oneShot.execute("vocabulary")).contains(ExitCode.USAGE.status());
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("could not write the output: standard output is closed;");
    }

    @Test
    void aPipeClosedByItsReaderEndsTheRunWithoutAWordAndStatus141() {
        CommandHarness oneShot = oneShotWritingTo(failing("Broken pipe"));

        assertThat(oneShot.execute("vocabulary")).contains(141);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpThatCannotBeWrittenFailsToo() {
        StandardOutput out = new StandardOutput(failing("No space left on device"), StandardCharsets.UTF_8);
        CommandHarness oneShot = new CommandHarness(out, new PrintStream(err, true, StandardCharsets.UTF_8), new VocabularyCommands(new Output(out), new RuleBases(null, null)));

        assertThat(oneShot.execute("help")).contains(ExitCode.USAGE.status());
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("could not write the output: No space left on device");
    }

    @Test
    void aResultIsCheckedAsItIsPrintedSoThatALongRunStopsAtTheFirstOneLost() {
        Output output = new Output(new StandardOutput(failing("Broken pipe"), StandardCharsets.UTF_8));

        Throwable thrown = catchThrowable(() -> output.print("first result"));

        assertThat(thrown).isInstanceOf(StandardOutput.Failed.class);
        assertThat(((StandardOutput.Failed) thrown).closedPipe()).isTrue();
    }

    @Test
    void afterAFailedWriteNothingMoreIsWrittenSoTheOutputHasNoHole() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStream failingOnce = new OutputStream() {
            private boolean failed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (!failed) {
                    failed = true;
                    throw new IOException("No space left on device");
                }
                written.write(bytes, offset, length);
            }
        };
        Output output = new Output(new StandardOutput(failingOnce, StandardCharsets.UTF_8));

        catchThrowable(() -> output.print("lost"));
        Throwable second = catchThrowable(() -> output.print("would follow the hole"));

        assertThat(second).isInstanceOf(StandardOutput.Failed.class);
        assertThat(written.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void resultsThatAreWrittenPassUnchanged() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Output output = new Output(new StandardOutput(written, StandardCharsets.UTF_8));

        output.print("¶9 high");

        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("¶9 high\n");
    }

    private CommandHarness oneShotWritingTo(OutputStream target) {
        StandardOutput out = new StandardOutput(target, StandardCharsets.UTF_8);
        return new CommandHarness(out, new PrintStream(err, true, StandardCharsets.UTF_8), new VocabularyCommands(new Output(out), new RuleBases(null, null)));
    }

    /** A stream that refuses every write as the system would, with {@code reason}. */
    private static OutputStream failing(String reason) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(reason);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                throw new IOException(reason);
            }
        };
    }
}
