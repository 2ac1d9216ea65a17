package org.apsa.cli;

import org.jline.reader.Parser;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Primary;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.shell.Input;
import org.springframework.shell.ResultHandlerService;
import org.springframework.shell.Shell;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandContext;
import org.springframework.shell.command.CommandContextMethodArgumentResolver;
import org.springframework.shell.command.CommandExecution.CommandExecutionHandlerMethodArgumentResolvers;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.CommandRegistration.TargetInfo.TargetType;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.exit.ExitCodeMappings;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The shell, reading the words of a command of the tool with the tool's parser
 * ({@link CommandWords#parse}) instead of the framework's, so that the same words mean the same
 * in the shell, in a script and on the command line. The framework's parser joins the words
 * after an option into its one value with commas ({@code --note two words} became
 * "two,words", {@code unset ID junk} the id "ID,junk"), gives a word left over to whichever
 * option comes next by position ({@code explain FILE OUTLOOK} took the outlook for
 * {@code --scenario}), and the shell drops an empty word before any parser sees it, so that
 * {@code --note ''} could not mean an empty note. The tool's parser names the word left over
 * and keeps {@code ''} as a value.
 *
 * <p>Spring Shell 3.4 builds its parser inside the command's execution, with no way to put
 * another in its place, so this extends it where it reads a line ({@link #evaluate}): a line
 * the tool's parser refuses is answered as a failed command; any other is run by the
 * framework as usual (availability, {@code --help}, Ctrl-C, failures, exit statuses), given
 * the command's name and, after the framework's own end of options ({@code --}), the words
 * that follow as one argument, each quoted as a one-shot run's are ({@link OneShotCommand#quoted}).
 * The framework takes that argument for the command's first option and converts nothing
 * ({@link GenericConversionService} without converters); the command's arguments are read from
 * it by the tool's parser ({@link Arguments}), placed before the framework's resolvers. The
 * framework's own commands ({@code clear}, {@code quit}) and a request for help are left to it.
 */
@Component
@Primary
class ToolShell extends Shell {

    /** The framework's end of options, before the command's words. */
    private static final String WORDS = "--";

    private final CommandCatalog commands;
    private final Terminal terminal;
    private final ShellContext context;
    private final Failures failures;
    private final Workbench.Run run;
    private final Parser parser;

    ToolShell(ResultHandlerService results, CommandCatalog commands, Terminal terminal, ShellContext context,
              ExitCodeMappings exitCodeMappings, Failures failures, Workbench workbench, Parser parser) {
        super(results, commands, terminal, context, exitCodeMappings);
        setConversionService(new GenericConversionService());
        this.commands = commands;
        this.terminal = terminal;
        this.context = context;
        this.failures = failures;
        this.run = workbench.run();
        this.parser = parser;
    }

    /** A command of the tool as typed: its name, its method, the words after the name. */
    private record Call(List<String> name, Method method, List<String> words) {
    }

    @Override
    @Autowired
    public void setArgumentResolvers(CommandExecutionHandlerMethodArgumentResolvers resolvers) {
        List<HandlerMethodArgumentResolver> all = new ArrayList<>();
        all.add(new Arguments(resolvers.getResolvers()));
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
        try {
            CommandWords.parse(name, call.get().method(), call.get().words());
        } catch (UsageException e) {
            return refuse(e);
        }
        List<String> words = new ArrayList<>(call.get().name());
        if (!call.get().words().isEmpty()) {
            words.add(WORDS);
            words.add(call.get().words().stream().map(OneShotCommand::quoted).collect(Collectors.joining(" ")));
        }
        return super.evaluate(new Input() {
            @Override
            public String rawText() {
                return input.rawText();
            }

            @Override
            public List<String> words() {
                return words;
            }
        });
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
        for (int n = Math.min(2, words.size()); n >= 1; n--) {
            CommandRegistration registration = commands.getRegistrations().get(String.join(" ", words.subList(0, n)));
            if (registration == null || !tools(registration)) {
                continue;
            }
            List<String> rest = withoutCursor(words.subList(n, words.size()));
            if (rest.contains("--help") || rest.contains("-h")) {
                return Optional.empty();
            }
            return Optional.of(new Call(words.subList(0, n), registration.getTarget().getMethod(), rest));
        }
        return Optional.empty();
    }

    /**
     * The words of a line without the empty word the shell's line parser adds for the cursor
     * at the end of a line that ends in a space or a quote; an empty word typed ('') comes before it.
     */
    private static List<String> withoutCursor(List<String> words) {
        return !words.isEmpty() && words.get(words.size() - 1).isEmpty() ? words.subList(0, words.size() - 1) : words;
    }

    private static boolean tools(CommandRegistration registration) {
        return registration.getTarget().getTargetType() == TargetType.METHOD
                && registration.getTarget().getMethod().isAnnotationPresent(Command.class)
                && registration.getTarget().getMethod().getDeclaringClass().getPackageName().startsWith("org.apsa");
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

    /**
     * The arguments of a command of the tool, read by the tool's parser from the words the
     * framework was given ({@link #evaluate}): the command's name, then {@code --} and the
     * words after it as one. When the framework runs a command of the tool with words of its
     * own (the 'help COMMAND' it makes of {@code COMMAND --help}), its resolvers read them.
     */
    private final class Arguments implements HandlerMethodArgumentResolver, Ordered {

        private final List<? extends HandlerMethodArgumentResolver> framework;

        Arguments(List<? extends HandlerMethodArgumentResolver> framework) {
            this.framework = framework;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getMethod() != null && parameter.getMethod().isAnnotationPresent(Command.class)
                    && parameter.getDeclaringClass().getPackageName().startsWith("org.apsa");
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, Message<?> message) throws Exception {
            CommandContext command = message.getHeaders().get(CommandContextMethodArgumentResolver.HEADER_COMMAND_CONTEXT,
                    CommandContext.class);
            String name = command.getCommandRegistration().getCommand();
            List<String> given = Arrays.asList((String[]) message.getPayload());
            int n = name.split(" ").length;
            if (!String.join(" ", given.subList(0, Math.min(n, given.size()))).equals(name)
                    || given.size() > n && !(given.size() == n + 2 && given.get(n).equals(WORDS))) {
                for (HandlerMethodArgumentResolver resolver : framework) {
                    if (resolver.supportsParameter(parameter)) {
                        return resolver.resolveArgument(parameter, message);
                    }
                }
                return null;
            }
            List<String> words = given.size() == n ? List.of() : words(given.get(n + 1));
            return CommandWords.parse(name, parameter.getMethod(), words)[parameter.getParameterIndex()];
        }

        /** The words quoted as one, read back by the shell's line parser. */
        private List<String> words(String quoted) {
            return withoutCursor(parser.parse(quoted, quoted.length()).words());
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
