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
import org.springframework.shell.command.CommandParser;
import org.springframework.shell.command.CommandParser.CommandParserResults;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.parser.ParserConfig;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.exit.ExitCodeMappings;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
 * <p>Spring Shell 3.4 builds its parser inside a command's execution, with no way to put
 * another in its place, so this extends the shell where it reads a line ({@link #evaluate}): a
 * line the tool's parser refuses is answered as a failed command; any other is run by the
 * framework as usual (availability, Ctrl-C, failures, exit statuses), given the command's name
 * and, after the framework's end of options ({@code --}), the words that follow as one
 * argument, each quoted as a one-shot run's are ({@link OneShotCommand#quoted}). The
 * framework's parser takes that argument for the command's first option and converts nothing
 * (a conversion service without converters); {@link Arguments} reads the command's arguments
 * from it. A request for help ({@code --help}, {@code -h}, which the framework turns into
 * 'help COMMAND') is left to the framework, and so are its own commands ({@code clear},
 * {@code quit}), whose lines its parser reads ({@link #frameworks}).
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
        List<String> typed = input.words();
        // A command's name is read as the framework reads it, empty words left out; after the name an empty word is a value.
        List<Integer> named = IntStream.range(0, typed.size()).filter(i -> !typed.get(i).isEmpty()).limit(2).boxed().toList();
        for (int n = named.size(); n >= 1; n--) {
            String name = named.subList(0, n).stream().map(typed::get).collect(Collectors.joining(" "));
            CommandRegistration registration = commands.getRegistrations().get(name);
            if (registration == null) {
                continue;
            }
            if (!Help.tools(registration)) {
                return frameworks(input, registration);
            }
            List<String> words = withoutCursor(typed.subList(named.get(n - 1) + 1, typed.size()));
            return words.contains("--help") || words.contains("-h") ? super.evaluate(input)
                    : evaluate(input, name, registration.getTarget().getMethod(), words);
        }
        return super.evaluate(input);
    }

    /**
     * A line of one of the framework's own commands ({@code clear}, {@code quit}): read by the
     * framework's parser, as the framework reads it, so that a line it refuses is said with the
     * command's name ({@link Failures#parserMessage}); the framework's failures name none.
     */
    private Object frameworks(Input input, CommandRegistration registration) {
        CommandParserResults parsed = CommandParser.of(null, commands.getRegistrations(), new ParserConfig())
                .parse(input.words().stream().filter(w -> !w.isEmpty()).toArray(String[]::new));
        // As the framework does, a request for help ('clear --help') is answered whatever else the line holds.
        boolean help = parsed.results().stream().anyMatch(r -> Arrays.asList(r.option().getLongNames()).contains("help"));
        if (parsed.errors().isEmpty() || help) {
            return super.evaluate(input);
        }
        List<String> options = commands.getRegistrations().values().stream().flatMap(r -> r.getOptions().stream())
                .flatMap(o -> Arrays.stream(o.getLongNames())).distinct().toList();
        return refuse(new UsageException(Failures.parserMessage(parsed.errors(), registration.getCommand(), options)));
    }

    /** A command of the tool: its name, its method and the words after the name. */
    private Object evaluate(Input input, String command, Method method, List<String> words) {
        try {
            if (run == Workbench.Run.COMMAND && Help.shellOnly(method)) {
                throw new UsageException(shellOnly(command));
            }
            // Read here as well as by Arguments: a line refused is answered before the framework runs
            // anything, also for a command that takes no argument, which Arguments is never asked for.
            CommandWords.parse(command, method, words);
        } catch (UsageException e) {
            return refuse(e);
        }
        List<String> given = new ArrayList<>(List.of(command.split(" ")));
        if (!words.isEmpty()) {
            given.add(WORDS);
            given.add(words.stream().map(OneShotCommand::quoted).collect(Collectors.joining(" ")));
        }
        return super.evaluate(new ShellLine(input.rawText(), given));
    }

    /** What a one-shot run says of a command that works only where a session lasts ({@link ShellOnly}). */
    static String shellOnly(String command) {
        return "'" + command + "' is a command of the interactive shell (java -jar apsa.jar) and of @FILE scripts, where the "
                + "fact set and the rules in use stay from one command to the next; 'help " + command + "' shows what it takes";
    }

    /**
     * The words of a line without the empty word the shell's line parser adds for the cursor
     * at the end of a line that ends in a space or a quote; an empty word typed ('') comes before it.
     */
    private static List<String> withoutCursor(List<String> words) {
        return !words.isEmpty() && words.get(words.size() - 1).isEmpty() ? words.subList(0, words.size() - 1) : words;
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
        throw new ScriptCommand.ScriptStopped(result.exitCode());
    }

    /**
     * The arguments of a command of the tool, read by the tool's parser from what the framework
     * was given ({@link #evaluate}): the command's name, then {@code --} and the words after it
     * as one. The 'help COMMAND' the framework makes of {@code COMMAND --help} is given the
     * words typed, with no {@code --} after the name: the framework's resolvers read those.
     */
    private final class Arguments implements HandlerMethodArgumentResolver, Ordered {

        private final List<? extends HandlerMethodArgumentResolver> framework;

        Arguments(List<? extends HandlerMethodArgumentResolver> framework) {
            this.framework = framework;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return Help.tools(parameter.getMethod());
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, Message<?> message) throws Exception {
            String command = message.getHeaders().get(CommandContextMethodArgumentResolver.HEADER_COMMAND_CONTEXT,
                    CommandContext.class).getCommandRegistration().getCommand();
            int n = command.split(" ").length;
            String[] given = (String[]) message.getPayload();
            if (given.length > n && !given[n].equals(WORDS)) {
                for (HandlerMethodArgumentResolver resolver : framework) {
                    if (resolver.supportsParameter(parameter)) {
                        return resolver.resolveArgument(parameter, message);
                    }
                }
                return null;
            }
            List<String> words = given.length > n ? withoutCursor(parser.parse(given[n + 1], given[n + 1].length()).words()) : List.of();
            return CommandWords.parse(command, parameter.getMethod(), words)[parameter.getParameterIndex()];
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
