package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.springframework.shell.command.CommandHandlingResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the shell reports a command that ended in a failure, and what it leaves for the next prompt. */
class FailuresTest {

    private final Failures failures = new Failures();

    @Test
    void aCommandStoppedByCtrlCSaysSoAndLeavesNoInterruptForThePrompt() {
        Thread.currentThread().interrupt();
        CommandHandlingResult result = failures.resolve(new IllegalStateException("interrupted while assessing"));

        assertThat(result.message()).isEqualTo("stopped (Ctrl-C) before it finished; nothing of it was kept\n");
        assertThat(result.exitCode()).isEqualTo(130);
        // A flag left set would make the shell's next read end the shell.
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void anInterruptionFoundAmongTheCausesIsAStopToo() {
        CommandHandlingResult result = failures.resolve(new IllegalStateException("interrupted while assessing",
                new InterruptedException()));

        assertThat(result.exitCode()).isEqualTo(ExitCode.INTERRUPTED.status());
    }

    @Test
    void aRulesFolderThatIsMissingOrEmptyIsAUsageErrorNotARuleBaseFailure(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        for (java.nio.file.Path folder : List.of(dir.resolve("missing"), dir)) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> org.apsa.rulebase.RuleBaseLoader.drlFiles(folder));

            Failures.Failure failure = Failures.classify(thrown);

            assertThat(failure.code()).isEqualTo(ExitCode.USAGE);
            assertThat(failure.message()).startsWith(folder + ": ").endsWith("with --rules DIR");
        }
    }

    @Test
    void theShellParsersMessagesAreSaidInTheToolsWords() {
        assertThat(Failures.plain("Unrecognised option '--fromat'", List.of("file", "format", "rules")))
                .isEqualTo("unknown option --fromat (did you mean --format?)");
        assertThat(Failures.plain("Unrecognised option '--rules'", List.of("file", "format", "rules")))
                .isEqualTo("unknown option --rules: this command does not take it");
        assertThat(Failures.plain("Illegal option value 'abc', reason 'Failed to convert from type [java.lang.String] to type "
                + "[java.lang.Double] for value [abc]'", List.of())).isEqualTo("\"abc\" is not a number");
        assertThat(Failures.plain("Illegal option value 'x', reason 'Failed to convert from type [java.lang.String] to type "
                + "[int] for value [x]'", List.of())).isEqualTo("\"x\" is not a whole number");
        assertThat(Failures.plain("Missing mandatory option '--file'", List.of())).isEqualTo("Missing mandatory option '--file'");
    }

    @Test
    void anyOtherUnexpectedFailureIsAnInternalErrorInOneLine() {
        CommandHandlingResult result = failures.resolve(new IllegalStateException("boom"));

        assertThat(result.exitCode()).isEqualTo(ExitCode.INTERNAL.status());
        assertThat(result.message()).isEqualTo("internal error: java.lang.IllegalStateException: boom (details in the log file)\n");
    }
}
