package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.springframework.shell.command.CommandExecution.CommandParserExceptionsException;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.shell.command.CommandParser.CommandParserException;

import java.util.List;
import java.util.stream.Stream;

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

    private static CommandParserExceptionsException parse(String... messages) {
        return new CommandParserExceptionsException("Command parser resulted errors",
                Stream.of(messages).map(CommandParserException::new).toList());
    }

    @Test
    void aLineOfTheFrameworksOwnCommandsThatItsParserRefusesIsSaidWithTheCommandAndItsHelp() {
        List<String> options = List.of("file", "format", "rules");

        assertThat(Failures.parserMessage(parse("Unrecognised option '--x'", "Unrecognised option '--rules'").getParserExceptions(),
                "clear", options)).isEqualTo("unknown option --x for clear; clear does not take --rules; see 'help clear'");
        assertThat(Failures.parserMessage(parse("Unrecognised option '-x'").getParserExceptions(), "quit", options))
                .isEqualTo("Unrecognised option '-x'; see 'help quit'");
    }

    @Test
    void anyOtherUnexpectedFailureIsAnInternalErrorInOneLine() {
        CommandHandlingResult result = failures.resolve(new IllegalStateException("boom"));

        assertThat(result.exitCode()).isEqualTo(ExitCode.INTERNAL.status());
        assertThat(result.message()).isEqualTo("internal error: java.lang.IllegalStateException: boom (details in the log file)\n");
    }

    @Test
    void aRunEndedByAFailureSaidAlreadyExitsWithItsStatusAndAnyOtherIsLeftToTheInternalError() {
        // Spring Boot hands the mapper the failure as its runner wrapped it.
        class Said extends RuntimeException implements org.springframework.boot.ExitCodeGenerator {
            @Override
            public int getExitCode() {
                return ExitCode.RULES.status();
            }
        }

        assertThat(failures.getExitCode(new IllegalStateException("Failed to execute runner", new Said()))).isEqualTo(3);
        assertThat(failures.getExitCode(new IllegalStateException(new org.springframework.shell.CommandNotFound(List.of("asess")))))
                .isEqualTo(ExitCode.USAGE.status());
        assertThat(failures.getExitCode(parse("Unrecognised option '--x'"))).isEqualTo(ExitCode.USAGE.status());
        assertThat(failures.getExitCode(new IllegalStateException("boom"))).isZero();
    }

    @Test
    void aRunEndedByAFailureNotSaidYetIsSaidOnStandardErrorInOneLineWithItsStatus() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        List<Integer> statuses;
        try {
            // Spring Boot hands the run's caller what a runner threw, wrapped.
            statuses = Stream.of(new Scripts.Interrupted(), new UsageException("s.apsa: no such file"),
                            new ScriptCommand.ScriptStopped(ExitCode.RULES.status()), new IllegalArgumentException("boom"))
                    .map(e -> Failures.exitStatus(new IllegalStateException("Failed to execute runner", e), () -> "apsa.log"))
                    .toList();
        } finally {
            System.setErr(before);
        }

        assertThat(statuses).containsExactly(130, 2, 3, 4);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "stopped (Ctrl-C); the rest of the script is not run",
                "s.apsa: no such file",
                "apsa: internal error: java.lang.IllegalStateException: Failed to execute runner (details in apsa.log)");
    }
}
