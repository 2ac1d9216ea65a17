package org.apsa.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.shell.command.annotation.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The tool's commands run as a one-shot run runs them, without the application context, for
 * tests of what a command does with its words: found by name, read by {@link CommandWords},
 * failures said and given their status by {@link Failures}, help by {@link Help}. The run
 * itself (Spring Shell's non-interactive runner) is tested end to end on the jar.
 */
final class CommandHarness {

    private static final Logger LOG = LogManager.getLogger(CommandHarness.class);

    /** The help's templates, those Spring Shell's properties name in {@code application.properties}. */
    static final Help.Templates TEMPLATES = templates();

    private static Help.Templates templates() {
        Properties properties = new Properties();
        try (InputStream in = CommandHarness.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Help.Templates.load(new DefaultResourceLoader(), properties.getProperty("spring.shell.command.help.commands-template"),
                properties.getProperty("spring.shell.command.help.command-template"));
    }

    private final Map<String, Target> commands = new LinkedHashMap<>();
    private final PrintStream out;
    private final PrintStream err;
    private final IntSupplier width;

    private record Target(Object instance, Method method) {
    }

    private final List<Object> commandObjects = new ArrayList<>();

    /** The shell's own commands, which work on the fact set loaded there: known here to say so. */
    private final Map<String, Method> shellOnly = new LinkedHashMap<>();

    CommandHarness(PrintStream out, PrintStream err, Object... commandObjects) {
        this(out, err, () -> Help.PLAIN_WIDTH, commandObjects);
    }

    /** {@code width}: the columns to wrap help at, asked when help is shown. */
    CommandHarness(PrintStream out, PrintStream err, IntSupplier width, Object... commandObjects) {
        this.out = out;
        this.err = err;
        this.width = width;
        this.commandObjects.addAll(Arrays.asList(commandObjects));
        for (Object instance : commandObjects) {
            methods(instance.getClass()).forEach((name, method) -> {
                if (Help.shellOnly(method)) {
                    shellOnly.put(name, method);
                } else {
                    commands.put(name, new Target(instance, method));
                }
            });
        }
    }

    /**
     * Names the shell's own command classes, whose commands one-shot can only describe. They
     * must say so ({@link ShellOnly}), for the shell's help to say it too.
     */
    CommandHarness shellOnly(Class<?>... types) {
        for (Class<?> type : types) {
            if (!type.isAnnotationPresent(ShellOnly.class)) {
                throw new IllegalArgumentException(type.getName() + " is not marked @ShellOnly");
            }
            shellOnly.putAll(methods(type));
        }
        return this;
    }

    /** The commands a class declares, by their full names ("rules validate"). */
    private static Map<String, Method> methods(Class<?> type) {
        Map<String, Method> found = new LinkedHashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Command.class)) {
                method.setAccessible(true);
                found.put(Help.name(method), method);
            }
        }
        return found;
    }

    /** The one-shot commands of the tool, wired as the shell wires them. */
    static CommandHarness standard() {
        RuleBases rules = new RuleBases(null, null);
        Workbench bench = new Workbench(Workbench.Run.COMMAND);
        Output out = new Output(System.out);
        return new CommandHarness(System.out, System.err, out::width,
                new AssessCommands(rules, bench, out),
                new ExplainCommands(rules, bench, out),
                new BatchCommands(rules, out),
                new ExploreCommands(rules, bench, out),
                new VocabularyCommands(out, rules),
                new RulesCommands(rules, out),
                new ToolCommands(rules, out))
                .shellOnly(WorkbenchCommands.class, ConsultCommands.class, ScriptCommand.class);
    }

    /** The command objects, for wiring them to other streams. */
    Object[] commandObjects() {
        return commandObjects.toArray();
    }

    Optional<Integer> execute(String... args) {
        if (args[0].equals("--version") || args[0].equals("-V")) {
            args = args.clone();
            args[0] = "version";
        }
        if (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            return help(String.join(" ", Arrays.asList(args).subList(1, args.length)));
        }
        String name = null;
        int words = 0;
        for (int n = Math.min(2, args.length); n >= 1 && name == null; n--) {
            String candidate = String.join(" ", Arrays.asList(args).subList(0, n));
            if (commands.containsKey(candidate) || shellOnly.containsKey(candidate)) {
                name = candidate;
                words = n;
            }
        }
        if (name == null) {
            // Said here, before the shell's framework and the rules start: a typo is answered at once.
            List<String> known = new ArrayList<>(commands.keySet());
            known.addAll(shellOnly.keySet());
            known.add("help");
            err.println(UnknownCommand.message(Arrays.asList(args), known));
            return Optional.of(ExitCode.USAGE.status());
        }
        List<String> rest = Arrays.asList(args).subList(words, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            // As in the shell, where the framework turns them into 'help COMMAND'.
            return help(name);
        }
        if (shellOnly.containsKey(name)) {
            err.println(ToolShell.shellOnly(name));
            return Optional.of(ExitCode.USAGE.status());
        }
        Target target = commands.get(name);
        try {
            Object[] values = CommandWords.parse(name, target.method(), rest);
            target.method().invoke(target.instance(), values);
            return Optional.of(ExitCode.OK.status());
        } catch (InvocationTargetException e) {
            return Optional.of(fail(e.getCause()));
        } catch (UsageException e) {
            return Optional.of(fail(e));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shell framework's own commands, which only the shell describes. */
    private static final Set<String> FRAMEWORK_COMMANDS = Set.of("clear", "quit", "exit");

    /**
     * 'help', 'help COMMAND' or 'help GROUP' on standard output; empty for a command of the
     * shell framework's own, which the shell describes; a name that is no command is refused.
     */
    private Optional<Integer> help(String topic) {
        Help help = help();
        Optional<String> text = topic.isEmpty() ? Optional.of(help.overview(true, width.getAsInt()))
                : help.topic(topic, width.getAsInt());
        if (text.isEmpty()) {
            if (FRAMEWORK_COMMANDS.contains(topic.split(" ")[0])) {
                return Optional.empty();
            }
            err.println(help.unknown(topic));
            return Optional.of(ExitCode.USAGE.status());
        }
        out.print(text.get());
        try {
            StandardOutput.requireWritten(out);
        } catch (StandardOutput.Failed e) {
            return Optional.of(fail(e));
        }
        return Optional.of(ExitCode.OK.status());
    }

    /** The help of every command one-shot knows: its own and the shell's. */
    Help help() {
        return new Help(helpEntries(), TEMPLATES);
    }

    /** What help says of each command one-shot knows, its own and the shell's. */
    List<Help.Entry> helpEntries() {
        List<Help.Entry> entries = new ArrayList<>();
        commands.values().stream().filter(t -> !t.method().getAnnotation(Command.class).hidden())
                .forEach(t -> entries.add(Help.entry(t.method())));
        shellOnly.values().forEach(m -> entries.add(Help.entry(m)));
        return entries;
    }

    private int fail(Throwable failure) {
        Failures.Failure f = Failures.classify(failure);
        if (f.code() == ExitCode.INTERNAL) {
            LOG.error("command failed", failure);
        } else {
            LOG.debug("command failed: {}", failure.getMessage());
        }
        if (!f.message().isEmpty()) {
            err.println(f.message());
        }
        return f.code().status();
    }
}
