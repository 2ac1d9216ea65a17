package org.apsa.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.batch.OutputException;
import org.apsa.fact.InvalidFactSetException;
import org.apsa.fact.Suggestions;
import org.apsa.rulebase.RuleBaseException;
import org.apsa.rulebase.RulesFolderException;
import org.apsa.ruletest.RuleTestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandExecution.CommandParserExceptionsException;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.shell.command.CommandParser.CommandParserException;
import org.springframework.stereotype.Component;

import java.io.FileNotFoundException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that turns a failure into a message and an exit status. Messages are plain
 * text naming the file, the position and the fix; stack traces go to the log only. In a
 * one-shot run the shell's terminal is standard error, so the message lands there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Failures implements CommandExceptionResolver {

    private static final Logger LOG = LogManager.getLogger(Failures.class);

    /** The shell's commands, for a "did you mean" after a mistyped option; absent in tests. */
    private CommandCatalog commands;

    @Autowired(required = false)
    void setCommands(CommandCatalog commands) {
        this.commands = commands;
    }

    /** A failure in a script says where in the script it was: "FILE:LINE: message". */
    @Override
    public CommandHandlingResult resolve(Exception e) {
        CommandHandlingResult result = unplaced(e);
        Optional<String> at = ScriptInput.position();
        if (at.isEmpty() || result == null || result.message() == null || result.message().isEmpty()
                || result.exitCode() == null || result.exitCode() == ExitCode.OK.status()) {
            return result;
        }
        return CommandHandlingResult.of(at.get() + ": " + result.message(), result.exitCode());
    }

    private CommandHandlingResult unplaced(Exception e) {
        if (e instanceof ScriptCommand.ScriptStopped stopped) {
            // A failure was said already, where it happened, by the script inside; a Ctrl-C between commands is said here.
            return CommandHandlingResult.of(stopped.said().isEmpty() ? "" : stopped.said() + "\n", stopped.getExitCode());
        }
        ConversionFailedException conversion = causeOf(e, ConversionFailedException.class);
        if (conversion != null) {
            // A word the shell gave to an option of another kind: 'new my view' hands "view" to --discard.
            String kind = conversion.getTargetType().getType() == boolean.class || conversion.getTargetType().getType() == Boolean.class
                    ? "true or false" : "a " + conversion.getTargetType().getType().getSimpleName().toLowerCase(Locale.ROOT);
            return CommandHandlingResult.of("\"" + conversion.getValue() + "\" is not " + kind + "; one word too many? "
                    + "(ids and file names are one word; 'help COMMAND' shows what a command takes)\n", ExitCode.USAGE.status());
        }
        if (e instanceof FileNotFoundException missing) {
            // The shell's 'script' (or any command of the shell's own) with a file that is not there.
            return CommandHandlingResult.of("cannot read " + missing.getMessage() + "; check the path\n",
                    ExitCode.USAGE.status());
        }
        if (Thread.interrupted() || causedBy(e, InterruptedException.class)) {
            // Ctrl-C while a command ran: the shell interrupts the command, which ends here.
            // The flag is cleared, or the prompt's next read would take it for a request to quit.
            LOG.info("command stopped by an interrupt: {}", e.toString());
            boolean inScript = ScriptInput.position().isPresent();
            // Ctrl-C means stop: the rest of a script does not run either.
            ScriptInput.stopAll();
            return CommandHandlingResult.of("stopped (Ctrl-C) before it finished; nothing of it was kept"
                    + (inScript ? "; the rest of the script is not run" : "") + "\n", ExitCode.INTERRUPTED.status());
        }
        if (e instanceof CommandParserExceptionsException parse) {
            String messages = parse.getParserExceptions().stream().map(p -> plain(p.getMessage(), optionNames()))
                    .collect(Collectors.joining("\n"));
            return CommandHandlingResult.of(messages + "\n(see 'help COMMAND' for its options)\n", ExitCode.USAGE.status());
        }
        Failure failure = classify(e);
        if (failure.code() == ExitCode.INTERNAL) {
            LOG.error("command failed", e);
        } else {
            LOG.debug("command failed: {}", failure.message());
        }
        return CommandHandlingResult.of(failure.message().isEmpty() ? "" : failure.message() + "\n", failure.code().status());
    }

    private static final Pattern UNRECOGNISED = Pattern.compile("Unrecognised option '--([^']*)'");
    private static final Pattern NOT_CONVERTED = Pattern.compile("Illegal option value '(.*)', reason 'Failed to convert "
            + "from type \\[java\\.lang\\.String] to type \\[(?:java\\.lang\\.)?(\\w+)].*", Pattern.DOTALL);

    /** The shell parser's message in the tool's words: no Java type names, and a "did you mean" for an option. */
    static String plain(String message, Collection<String> options) {
        Matcher unknown = UNRECOGNISED.matcher(message);
        if (unknown.matches()) {
            if (options.contains(unknown.group(1))) {
                // Another command's option: suggesting the very same name would be no help.
                return "unknown option --" + unknown.group(1) + ": this command does not take it";
            }
            return "unknown option --" + unknown.group(1)
                    + Suggestions.closest(unknown.group(1), options).map(o -> " (did you mean --" + o + "?)").orElse("");
        }
        Matcher value = NOT_CONVERTED.matcher(message);
        if (value.matches()) {
            String wanted = switch (value.group(2)) {
                case "Integer", "int", "Long", "long" -> "a whole number";
                case "Double", "double", "Float", "float" -> "a number";
                case "Boolean", "boolean" -> "true or false";
                default -> "another kind of value";
            };
            return "\"" + value.group(1) + "\" is not " + wanted;
        }
        return message;
    }

    private Collection<String> optionNames() {
        if (commands == null) {
            return List.of();
        }
        return commands.getRegistrations().values().stream().flatMap(r -> r.getOptions().stream())
                .flatMap(o -> Arrays.stream(o.getLongNames())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return causeOf(e, type) != null;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A failure as the user sees it; an empty message says nothing. */
    record Failure(ExitCode code, String message) {
    }

    static Failure classify(Throwable e) {
        if (e instanceof InvalidFactSetException invalid) {
            return new Failure(ExitCode.INVALID_INPUT, invalid.getMessage());
        }
        if (e instanceof RuleTestException tests) {
            // A rule test that cannot be read or does not pass: invalid input, like a fact file.
            return new Failure(ExitCode.INVALID_INPUT, tests.getMessage());
        }
        if (e instanceof RulesFolderException folder) {
            // --rules naming no folder of rules: a bad argument, not rules that fail to compile.
            return new Failure(ExitCode.USAGE, folder.getMessage());
        }
        if (e instanceof RuleBaseException rules) {
            return new Failure(ExitCode.RULES, rules.getMessage());
        }
        if (e instanceof OutputException output) {
            // --out names a place the batch cannot write: a problem of the command line, not of the tool.
            return new Failure(ExitCode.USAGE, output.getMessage());
        }
        if (e instanceof UsageException usage) {
            return new Failure(ExitCode.USAGE, usage.getMessage());
        }
        if (e instanceof StandardOutput.Failed output) {
            // Like an --out folder that cannot be written: the output cannot go where the command line sends it.
            // A pipe closed by its reader (| head) ends the run without a word, as it ends other Unix tools.
            return output.closedPipe() ? new Failure(ExitCode.OUTPUT_CLOSED, "")
                    : new Failure(ExitCode.USAGE, "could not write the output: " + output.reason() + "; what was written is incomplete");
        }
        if (e instanceof CommandParserExceptionsException parse) {
            return new Failure(ExitCode.USAGE, parse.getParserExceptions().stream()
                    .map(CommandParserException::getMessage)
                    .collect(Collectors.joining("\n")) + "\n(see 'help' for the commands and their options)");
        }
        return new Failure(ExitCode.INTERNAL, "internal error: " + e + " (details in the log file)");
    }
}
