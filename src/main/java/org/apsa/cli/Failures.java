package org.apsa.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.batch.NoInputsException;
import org.apsa.batch.OutputException;
import org.apsa.fact.InvalidFactSetException;
import org.apsa.fact.Suggestions;
import org.apsa.rulebase.RuleBaseException;
import org.apsa.rulebase.RulesFolderException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ExitCodeExceptionMapper;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.shell.CommandNotFound;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandExecution.CommandParserExceptionsException;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandParser.CommandParserException;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one place that turns a failure into a message and an exit status, in Spring Shell's
 * and Spring Boot's ways: as the shell's exception resolver, a command's failure becomes a
 * {@link CommandHandlingResult} (message and status), which the shell says and, outside the
 * interactive shell, ends the run with; as Boot's {@link ExitCodeExceptionMapper}, a failure
 * that ended the run gives the status the process exits with. Messages are plain text naming
 * the file, the position and the fix; stack traces go to the log only. In a one-shot run the
 * shell's terminal is standard error, so the message lands there. As Boot's
 * {@link SpringBootExceptionReporter} (in {@code META-INF/spring.factories}) it tells Boot that a
 * failure said already, or said by {@link #exitStatus}, needs no report: else Boot logs it as
 * "Application run failed" with its stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Failures implements CommandExceptionResolver, ExitCodeExceptionMapper, SpringBootExceptionReporter {

    private static final Logger LOG = LogManager.getLogger(Failures.class);

    /** The shell's commands, for a "did you mean" after a mistyped option; absent in tests. */
    private CommandCatalog commands;

    @Autowired(required = false)
    void setCommands(CommandCatalog commands) {
        this.commands = commands;
    }

    /** The scripts running, whose command's failure says where in the script it was. */
    private Scripts scripts = new Scripts();

    @Autowired(required = false)
    void setScripts(Scripts scripts) {
        this.scripts = scripts;
    }

    /**
     * The status of a run that {@code failure} ended, for Spring Boot: that of a failure
     * said already (a command's, which the shell carries in an {@link ExitCodeGenerator}; an
     * unknown command; a parser error); 0 for any other, which the run reports as an internal error.
     */
    @Override
    public int getExitCode(Throwable failure) {
        return reportedStatus(failure);
    }

    @Override
    public boolean reportException(Throwable failure) {
        return reportedStatus(failure) != 0 || known(failure).isPresent();
    }

    /**
     * The exit status of a run that {@code failure} ended, before the shell started or after:
     * that of a failure said already; else that of the first failure of a known kind among its
     * causes (Spring Boot wraps what a runner throws), said here on standard error; else an
     * internal error, said in one line with the stack trace in the log ({@code logFile} names it).
     */
    public static int exitStatus(Throwable failure, Supplier<String> logFile) {
        int reported = reportedStatus(failure);
        if (reported != 0) {
            return reported;
        }
        Optional<Failure> known = known(failure);
        if (known.isPresent()) {
            LOG.debug("run ended by a failure of the input or the rules", failure);
            if (!known.get().message().isEmpty()) {
                System.err.println(known.get().message());
            }
            return known.get().code().status();
        }
        LOG.error("unexpected failure", failure);
        System.err.println("apsa: internal error: " + failure + " (details in " + logFile.get() + ")");
        return ExitCode.INTERNAL.status();
    }

    /** The first failure of a known kind, not a defect of the tool, among {@code failure} and its causes. */
    static Optional<Failure> known(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Failure f = classify(t);
            if (f.code() != ExitCode.INTERNAL) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The status of a failure the shell has said already (see {@link #getExitCode}); 0 for any other. */
    static int reportedStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ExitCodeGenerator generator && generator.getExitCode() != 0) {
                return generator.getExitCode();
            }
            if (t instanceof CommandParserExceptionsException || t instanceof CommandNotFound) {
                return ExitCode.USAGE.status();
            }
        }
        return 0;
    }

    /** A failure of no command the shell knows of; see {@link #resolve(Exception, CommandRegistration)}. */
    @Override
    public CommandHandlingResult resolve(Exception e) {
        return resolve(e, null);
    }

    /**
     * A failure of {@code command} (null when not known). In a script it says where in the
     * script it was: "FILE:LINE: message".
     */
    CommandHandlingResult resolve(Exception e, CommandRegistration command) {
        CommandHandlingResult result = unplaced(e, command);
        Optional<String> at = scripts.position();
        if (at.isEmpty() || result.message().isEmpty()) {
            return result;
        }
        return CommandHandlingResult.of(at.get() + ": " + result.message(), result.exitCode());
    }

    private CommandHandlingResult unplaced(Exception e, CommandRegistration command) {
        if (e instanceof ScriptCommand.ScriptStopped stopped) {
            // Said already, where it happened, by the script inside.
            return said("", stopped.getExitCode());
        }
        if (e instanceof FileNotFoundException missing) {
            // The shell's 'script' (or any command of the shell's own) with a file that is not there.
            return said("cannot read " + missing.getMessage() + "; check the path", ExitCode.USAGE.status());
        }
        if (Thread.interrupted() || causedBy(e, InterruptedException.class)) {
            // Ctrl-C while a command ran: the shell interrupts the command, which ends here.
            // The flag is cleared, or the prompt's next read would take it for a request to quit.
            LOG.info("command stopped by an interrupt: {}", e.toString());
            boolean inScript = scripts.position().isPresent();
            // Ctrl-C means stop: the rest of a script does not run either.
            scripts.stopAll();
            return said("stopped (Ctrl-C) before it finished; nothing of it was kept"
                    + (inScript ? "; the rest of the script is not run" : ""), ExitCode.INTERRUPTED.status());
        }
        if (e instanceof CommandParserExceptionsException parse) {
            return said(parserMessage(parse, command, optionNames()), ExitCode.USAGE.status());
        }
        Failure failure = classify(e);
        if (failure.code() == ExitCode.INTERNAL) {
            LOG.error("command failed", e);
        } else {
            LOG.debug("command failed: {}", failure.message());
        }
        return said(failure.message(), failure.code().status());
    }

    /** What the shell says, a line; an empty message says nothing. */
    private static CommandHandlingResult said(String message, int status) {
        return CommandHandlingResult.of(message.isEmpty() ? "" : message + "\n", status);
    }

    private static final Pattern MISSING = Pattern.compile("Missing mandatory option '--([^']*)'.*", Pattern.DOTALL);
    private static final Pattern UNRECOGNISED = Pattern.compile("Unrecognised option '--([^']*)'");
    private static final Pattern NOT_CONVERTED = Pattern.compile("Illegal option value '(.*)', reason 'Failed to convert "
            + "from type \\[java\\.lang\\.String] to type \\[(?:java\\.lang\\.)?(\\w+)].*", Pattern.DOTALL);
    private static final Pattern NOT_ENOUGH = Pattern.compile("Not enough arguments for option '([^']*)', requires at least '(\\d+)'");
    private static final Pattern TOO_MANY = Pattern.compile("Too many arguments for option '([^']*)', requires at most '(\\d+)'");

    /**
     * The shell parser's messages for one command line as one line in the tool's words: the
     * options left out said together with the command's example, no Java type names, a "did
     * you mean" for a mistyped option, and the command's help named.
     *
     * @param command the command parsed; null when not known
     * @param options the long names of every option of every command
     */
    static String parserMessage(CommandParserExceptionsException parse, CommandRegistration command, Collection<String> options) {
        List<String> missing = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (CommandParserException problem : parse.getParserExceptions()) {
            Matcher m = MISSING.matcher(problem.getMessage());
            if (m.matches()) {
                missing.add(m.group(1));
            } else {
                said.add(plain(problem.getMessage(), command, options));
            }
        }
        if (!missing.isEmpty()) {
            said.add(0, command == null ? "give --" + String.join(" and --", missing)
                    : UsageMessages.missing(HelpCommand.entry(command), missing));
        }
        String text = said.stream().distinct().collect(Collectors.joining("; "));
        return text.contains(", e.g. ") || text.contains("'help") ? text
                : text + "; " + UsageMessages.seeHelp(command == null ? null : command.getCommand());
    }

    /** One message of the shell's parser in the tool's words. */
    static String plain(String message, CommandRegistration command, Collection<String> options) {
        String name = command == null ? null : command.getCommand();
        Matcher unknown = UNRECOGNISED.matcher(message);
        if (unknown.matches()) {
            String option = unknown.group(1);
            Collection<String> own = command == null ? options : command.getOptions().stream()
                    .flatMap(o -> Arrays.stream(o.getLongNames())).filter(o -> !o.equals("help")).toList();
            Optional<String> near = Suggestions.closest(option, own).filter(o -> !o.equals(option));
            if (near.isEmpty() && options.contains(option)) {
                // Another command's option: suggesting the very same name would be no help.
                return (name == null ? "this command" : name) + " does not take --" + option;
            }
            return "unknown option --" + option + (name == null ? "" : " for " + name)
                    + near.map(o -> " (did you mean --" + o + "?)").orElse("");
        }
        Matcher value = NOT_CONVERTED.matcher(message);
        if (value.matches()) {
            Class<?> type = switch (value.group(2)) {
                case "Integer", "int" -> Integer.class;
                case "Long", "long" -> Long.class;
                case "Double", "double" -> Double.class;
                case "Float", "float" -> Float.class;
                case "Boolean", "boolean" -> Boolean.class;
                default -> Object.class;
            };
            Optional<CommandOption> option = optionOfType(command, type);
            return option.map(o -> UsageMessages.notOfItsKind(name, o.getLongNames()[0], o.getDescription(), type, value.group(1)))
                    .orElse("\"" + value.group(1) + "\" is not " + UsageMessages.kind(type));
        }
        Matcher few = NOT_ENOUGH.matcher(message);
        if (few.matches()) {
            return "--" + few.group(1) + " needs at least " + few.group(2) + (few.group(2).equals("1") ? " value" : " values");
        }
        Matcher many = TOO_MANY.matcher(message);
        if (many.matches()) {
            return "--" + many.group(1) + " takes at most " + many.group(2) + (many.group(2).equals("1") ? " value" : " values")
                    + "; one word too many? A value of several words goes in quotes";
        }
        return message;
    }

    /** The one option of {@code command} that takes values of {@code type}; empty when none or several do. */
    private static Optional<CommandOption> optionOfType(CommandRegistration command, Class<?> type) {
        if (command == null) {
            return Optional.empty();
        }
        List<CommandOption> ofType = command.getOptions().stream().filter(o -> o.getLongNames().length > 0 && o.getType() != null
                && ClassUtils.resolvePrimitiveIfNecessary(o.getType().resolve(Object.class)) == type).toList();
        return ofType.size() == 1 ? Optional.of(ofType.get(0)) : Optional.empty();
    }

    private Collection<String> optionNames() {
        if (commands == null) {
            return List.of();
        }
        return commands.getRegistrations().values().stream().flatMap(r -> r.getOptions().stream())
                .flatMap(o -> Arrays.stream(o.getLongNames())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** A failure as the user sees it; an empty message says nothing. */
    record Failure(ExitCode code, String message) {
    }

    static Failure classify(Throwable e) {
        if (e instanceof InvalidFactSetException) {
            // A fact file, or a rule test that cannot be read or does not pass: invalid input.
            return new Failure(ExitCode.INVALID_INPUT, e.getMessage());
        }
        if (e instanceof RulesFolderException || e instanceof OutputException || e instanceof NoInputsException
                || e instanceof UsageException) {
            // --rules naming no folder of rules, --out naming a place the batch cannot write, a batch given nothing
            // to read: mistakes on the command line, not rules that fail to compile nor a defect of the tool.
            return new Failure(ExitCode.USAGE, e.getMessage());
        }
        if (e instanceof RuleBaseException) {
            return new Failure(ExitCode.RULES, e.getMessage());
        }
        if (e instanceof StandardOutput.Failed output) {
            // Like an --out folder that cannot be written: the output cannot go where the command line sends it.
            // A pipe closed by its reader (| head) ends the run without a word, as it ends other Unix tools.
            return output.closedPipe() ? new Failure(ExitCode.OUTPUT_CLOSED, "")
                    : new Failure(ExitCode.USAGE, "could not write the output: " + output.reason() + "; what was written is incomplete");
        }
        if (e instanceof CommandParserExceptionsException parse) {
            return new Failure(ExitCode.USAGE, parserMessage(parse, null, List.of()));
        }
        if (e instanceof Scripts.Interrupted) {
            return new Failure(ExitCode.INTERRUPTED, "stopped (Ctrl-C); the rest of the script is not run");
        }
        return new Failure(ExitCode.INTERNAL, "internal error: " + e + " (details in the log file)");
    }
}
