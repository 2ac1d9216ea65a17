package org.apsa.cli;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.shell.command.CommandExecution.CommandParserExceptionsException;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.shell.command.CommandParser.CommandParserException;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

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

    /** A command as the tool declares one, for the shell's registration of it. */
    @Command(group = "Workbench")
    static class Editing {
        @Command(command = "set", description = "State an indicator's level. Example: set usChina.militaryExchanges high")
        void set(@Option(longNames = "id", required = true, description = "an indicator id") String id,
                 @Option(longNames = "level", required = true, description = "a level of its scale") String level,
                 @Option(longNames = "confidence", description = "in (0, 1]") Double confidence) {
        }
    }

    /** {@code set} registered as the shell registers the tool's commands: its options typed, its target the annotated method. */
    private static CommandRegistration set() throws NoSuchMethodException {
        return CommandRegistration.builder().command("set")
                .withOption().longNames("id").required().description("an indicator id").type(String.class).position(0).and()
                .withOption().longNames("level").required().description("a level of its scale").type(String.class).position(1).and()
                .withOption().longNames("confidence").description("in (0, 1]").type(Double.class).and()
                .withTarget().method(new Editing(), Editing.class.getDeclaredMethod("set", String.class, String.class, Double.class))
                .and().build();
    }

    private static CommandParserExceptionsException parse(String... messages) {
        return new CommandParserExceptionsException("Command parser resulted errors",
                Stream.of(messages).map(CommandParserException::new).toList());
    }

    @Test
    void optionsLeftOutAreSaidTogetherInOneLineWithTheCommandsExample() throws Exception {
        // Said in the command's order, whichever order the parser found them in.
        CommandHandlingResult result = failures.resolve(parse("Missing mandatory option '--level', a level of its scale",
                "Missing mandatory option '--id', an indicator id"), set());

        assertThat(result.message()).isEqualTo("set: give the id (an indicator id) and the level (a level of its scale), "
                + "e.g. set usChina.militaryExchanges high\n");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.status());
    }

    @Test
    void aValueOfTheWrongKindNamesItsOptionAndTheCommandsHelp() throws Exception {
        CommandHandlingResult result = failures.resolve(parse("Illegal option value 'abc', reason 'Failed to convert from type "
                + "[java.lang.String] to type [java.lang.Double] for value [abc]'"), set());

        assertThat(result.message()).isEqualTo("\"abc\" is not a number; --confidence takes a number (in (0, 1]); see 'help set'\n");
    }

    @Test
    void aMistypedOptionGetsADidYouMeanAmongTheCommandsOwn() throws Exception {
        assertThat(failures.resolve(parse("Unrecognised option '--confidense'"), set()).message())
                .isEqualTo("unknown option --confidense for set (did you mean --confidence?); see 'help set'\n");
        assertThat(Failures.plain("Unrecognised option '--rules'", set(), List.of("id", "level", "rules")))
                .isEqualTo("set does not take --rules");
        assertThat(Failures.plain("Unrecognised option '--fromat'", null, List.of("file", "format", "rules")))
                .isEqualTo("unknown option --fromat (did you mean --format?)");
        assertThat(Failures.plain("Unrecognised option '--rules'", null, List.of("file", "format", "rules")))
                .isEqualTo("this command does not take --rules");
    }

    @Test
    void noParserMessageIsLeftInTheFrameworksWords() throws Exception {
        assertThat(Failures.plain("Not enough arguments for option 'change', requires at least '1'", null, List.of()))
                .isEqualTo("--change needs at least 1 value");
        assertThat(Failures.plain("Too many arguments for option 'note', requires at most '1'", null, List.of()))
                .isEqualTo("--note takes at most 1 value; one word too many? A value of several words goes in quotes");
        assertThat(Failures.plain("Illegal option value 'x', reason 'Failed to convert from type [java.lang.String] to type "
                + "[int] for value [x]'", null, List.of())).isEqualTo("\"x\" is not a whole number");
        assertThat(failures.resolve(parse("Missing mandatory option '--file'")).message())
                .isEqualTo("give --file; see 'help'\n");
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
