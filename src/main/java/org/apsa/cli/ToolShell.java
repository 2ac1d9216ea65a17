package org.apsa.cli;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Primary;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.shell.Input;
import org.springframework.shell.ResultHandlerService;
import org.springframework.shell.Shell;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandExecution.CommandExecutionHandlerMethodArgumentResolvers;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.CommandRegistration.TargetInfo.TargetType;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.config.ShellConversionServiceSupplier;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.exit.ExitCodeMappings;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shell, reading the words of a command of the tool with one-shot's parser
 * ({@link CommandWords#parse}) instead of the framework's, so that the same words mean the same
 * in the shell, in a script and on the command line. The framework's parser joins the words
 * after an option into its one value with commas ({@code --note two words} became
 * "two,words", {@code unset ID junk} the id "ID,junk"), gives a word left over to whichever
 * option comes next by position ({@code explain FILE OUTLOOK} took the outlook for
 * {@code --scenario}), and drops an empty word, so that {@code --note ''} could not mean an
 * empty note. One-shot's parser names the word left over and keeps {@code ''} as a value.
 *
 * <p>The framework still runs the command, so that availability, {@code --help}, Ctrl-C,
 * failures and exit statuses take their usual path: it is given the command's name and a
 * placeholder for each required option (which it checks and binds, and the command never
 * sees), and the command's arguments come from the one-shot parse, through an argument
 * resolver placed before the framework's. The framework's own commands ({@code clear},
 * {@code quit}) are left to it.
 */
@Component
@Primary
class ToolShell extends Shell {

    /** The word a required option is given for the framework to check: any value will do. */
    private static final String PLACEHOLDER = "_";

    /** The command being run on this thread and its arguments, as one-shot's parser read them. */
    private static final ThreadLocal<Parsed> PARSED = new ThreadLocal<>();

    private final CommandCatalog commands;
    private final Terminal terminal;
    private final ShellContext context;
    private final Failures failures;
    private final Workbench.Run run;

    ToolShell(ResultHandlerService results, CommandCatalog commands, Terminal terminal, ShellContext context,
              ExitCodeMappings exitCodeMappings, ShellConversionServiceSupplier conversions, Failures failures,
              Workbench workbench) {
        super(results, commands, terminal, context, exitCodeMappings);
        setConversionService(conversions.get());
        this.commands = commands;
        this.terminal = terminal;
        this.context = context;
        this.failures = failures;
        this.run = workbench.run();
    }

    private record Parsed(Method method, Object[] values) {
    }

    /** A command of the tool as typed: its name, its method, the words after the name. */
    private record Call(List<String> name, Method method, List<String> words) {
    }

    @Override
    @Autowired
    public void setArgumentResolvers(CommandExecutionHandlerMethodArgumentResolvers resolvers) {
        List<HandlerMethodArgumentResolver> all = new ArrayList<>();
        all.add(new ParsedArguments());
        all.addAll(resolvers.getResolvers());
        super.setArgumentResolvers(new CommandExecutionHandlerMethodArgumentResolvers(all));
    }

    @Override
    protected Object evaluate(Input input) {
        Optional<Call> call = call(input.words());
        if (call.isEmpty()) {
            return super.evaluate(input);
        }
        String name = String.join(" ", call.get().name());
        if (run == Workbench.Run.COMMAND && Help.shellOnly(call.get().method())) {
            return refuse(new UsageException(shellOnly(name)));
        }
        Object[] values;
        try {
            values = CommandWords.parse(name, call.get().method(), call.get().words());
        } catch (UsageException e) {
            return refuse(e);
        }
        Parsed outer = PARSED.get();
        PARSED.set(new Parsed(call.get().method(), values));
        try {
            return super.evaluate(dispatch(input, call.get()));
        } finally {
            PARSED.set(outer);
        }
    }

    /** What a one-shot run says of a command that works only where a session lasts ({@link ShellOnly}). */
    static String shellOnly(String command) {
        return "'" + command + "' is a command of the interactive shell (java -jar apsa.jar) and of @FILE scripts, where the "
                + "fact set and the rules in use stay from one command to the next; 'help " + command + "' shows what it takes";
    }

    /**
     * The tool's command that {@code words} begin with; empty for anything else (the
     * framework's commands, a name that is none, a comment) and for a request for help
     * ({@code --help}, {@code -h}), which the framework turns into 'help COMMAND'.
     */
    private Optional<Call> call(List<String> typed) {
        List<String> words = typed.stream().dropWhile(String::isEmpty).toList();
        if (!words.isEmpty() && words.get(words.size() - 1).isEmpty()) {
            // The line parser adds an empty word for the cursor at the end of a line that ends in
            // a space or a quote; an empty word typed ('') comes before it.
            words = words.subList(0, words.size() - 1);
        }
        for (int n = Math.min(2, words.size()); n >= 1; n--) {
            CommandRegistration registration = commands.getRegistrations().get(String.join(" ", words.subList(0, n)));
            if (registration == null || registration.getTarget().getTargetType() != TargetType.METHOD) {
                continue;
            }
            Method method = registration.getTarget().getMethod();
            List<String> rest = words.subList(n, words.size());
            if (!method.getDeclaringClass().getPackageName().startsWith("org.apsa")
                    || rest.contains("--help") || rest.contains("-h")) {
                return Optional.empty();
            }
            return Optional.of(new Call(words.subList(0, n), method, rest));
        }
        return Optional.empty();
    }

    /** What the framework is given to run the command: its name, and a placeholder for each required option. */
    private static Input dispatch(Input typed, Call call) {
        List<String> words = new ArrayList<>(call.name());
        for (Parameter parameter : call.method().getParameters()) {
            Option option = parameter.getAnnotation(Option.class);
            if (option != null && option.required()) {
                words.add("--" + CommandWords.name(parameter));
                words.add(PLACEHOLDER);
            }
        }
        return new Input() {
            @Override
            public String rawText() {
                return typed.rawText();
            }

            @Override
            public List<String> words() {
                return words;
            }
        };
    }

    /**
     * A command line the parser refused, said as the shell says a command's failure: in the
     * interactive shell the message, and the next command; elsewhere (a script) the message,
     * and the end of the script with the usage error's exit status.
     */
    private Object refuse(UsageException e) {
        CommandHandlingResult result = failures.resolve(e);
        terminal.writer().append(result.message());
        terminal.writer().flush();
        if (context.getInteractionMode() == InteractionMode.INTERACTIVE) {
            return null;
        }
        throw new ScriptCommand.ScriptStopped(result.exitCode(), "");
    }

    /** The arguments of the command being run, as one-shot's parser read them; placed before the framework's resolvers. */
    private static final class ParsedArguments implements HandlerMethodArgumentResolver, Ordered {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            Parsed parsed = PARSED.get();
            return parsed != null && parsed.method().equals(parameter.getMethod());
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, Message<?> message) {
            return PARSED.get().values()[parameter.getParameterIndex()];
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
