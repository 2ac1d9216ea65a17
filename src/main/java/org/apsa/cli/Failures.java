package org.apsa.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.batch.NoInputsException;
import org.apsa.batch.OutputException;
import org.apsa.fact.InvalidFactSetException;
import org.apsa.rulebase.RuleBaseException;
import org.apsa.rulebase.RulesFolderException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ExitCodeExceptionMapper;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.shell.CommandNotFound;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandExecution.CommandParserExceptionsException;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.shell.command.CommandParser.CommandParserException;
import org.springframework.stereotype.Component;

import java.io.FileNotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        return causes(failure).map(Failures::classify).filter(f -> f.code() != ExitCode.INTERNAL).findFirst();
    }

    /** The status of a failure the shell has said already (see {@link #getExitCode}); 0 for any other. */
    static int reportedStatus(Throwable failure) {
        return causes(failure).mapToInt(t -> t instanceof ExitCodeGenerator generator ? generator.getExitCode()
                : t instanceof CommandParserExceptionsException || t instanceof CommandNotFound ? ExitCode.USAGE.status() : 0)
                .filter(status -> status != 0).findFirst().orElse(0);
    }

    /** {@code failure} and its causes, the outermost first. */
    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
    }

    /** A command's failure, as the shell says it; in a script it says where in the script it was: "FILE:LINE: message". */
    @Override
    public CommandHandlingResult resolve(Exception e) {
        CommandHandlingResult result = unplaced(e);
        Optional<String> at = scripts.position();
        if (at.isEmpty() || result.message().isEmpty()) {
            return result;
        }
        return CommandHandlingResult.of(at.get() + ": " + result.message(), result.exitCode());
    }

    private CommandHandlingResult unplaced(Exception e) {
        if (e instanceof ScriptCommand.ScriptStopped stopped) {
            // Said already, where it happened, by the script inside.
            return said("", stopped.getExitCode());
        }
        if (e instanceof FileNotFoundException missing) {
            // The shell's 'script' (or any command of the shell's own) with a file that is not there.
            return said("cannot read " + missing.getMessage() + "; check the path", ExitCode.USAGE.status());
        }
        if (Thread.interrupted() || causes(e).anyMatch(InterruptedException.class::isInstance)) {
            // Ctrl-C while a command ran: the shell interrupts the command, which ends here.
            // The flag is cleared, or the prompt's next read would take it for a request to quit.
            LOG.info("command stopped by an interrupt: {}", e.toString());
            boolean inScript = scripts.position().isPresent();
            // Ctrl-C means stop: the rest of a script does not run either.
            scripts.stopAll();
            return said("stopped (Ctrl-C) before it finished; nothing of it was kept"
                    + (inScript ? "; the rest of the script is not run" : ""), ExitCode.INTERRUPTED.status());
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

    private static final Pattern UNRECOGNISED = Pattern.compile("Unrecognised option '--([^']*)'");

    /**
     * The framework's parser's messages for a line of one of its own commands ({@code clear},
     * {@code quit}: see {@link ToolShell}) as one line in the tool's words, the command's help named.
     * Those commands take no option, so a mistyped one has no nearest.
     *
     * @param options the long names of every option of every command
     */
    static String parserMessage(List<CommandParserException> problems, String command, Collection<String> options) {
        String text = problems.stream().map(problem -> {
            Matcher unknown = UNRECOGNISED.matcher(problem.getMessage());
            if (!unknown.matches()) {
                return problem.getMessage();
            }
            // Another command's option is named as such: a "did you mean" of the very same name would be no help.
            return options.contains(unknown.group(1)) ? command + " does not take --" + unknown.group(1)
                    : "unknown option --" + unknown.group(1) + " for " + command;
        }).distinct().collect(Collectors.joining("; "));
        return text.contains(", e.g. ") || text.contains("'help") ? text : text + "; see 'help " + command + "'";
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
        if (e instanceof Scripts.Interrupted) {
            return new Failure(ExitCode.INTERRUPTED, "stopped (Ctrl-C); the rest of the script is not run");
        }
        return new Failure(ExitCode.INTERNAL, "internal error: " + e + " (details in the log file)");
    }
}
