package org.apsa.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apsa.fact.Suggestions;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * Runs a one-shot command without starting the shell's application context: the command
 * classes are the shell's own, built by hand, and their {@code @Command} and {@code @Option}
 * annotations drive the parsing, so the two ways in share one definition of each command.
 * Start-up is what a one-shot user waits for on every call; the context is only needed by
 * the interactive shell, scripts ({@code @FILE}) and {@code help} on the shell framework's
 * own commands or on a name that is none, which take the full path.
 *
 * <p>Parsing: options by {@code --name value} or {@code --name=value}, the rest by position
 * to the options that take a word by position ({@link #positional}), a list option taking
 * every remaining word, booleans as flags. The shell parses a command of the tool with the
 * same method ({@link ToolShell}), so that the same words mean the same there.
 */
public final class OneShot {

    private static final Logger LOG = LogManager.getLogger(OneShot.class);

    private final Map<String, Target> commands = new LinkedHashMap<>();
    private final PrintStream out;
    private final PrintStream err;
    private final IntSupplier width;

    private record Target(Object instance, Method method) {
    }

    private final List<Object> commandObjects = new ArrayList<>();

    /** The shell's own commands, which work on the fact set loaded there: known here to say so. */
    private final Map<String, Method> shellOnly = new LinkedHashMap<>();

    OneShot(PrintStream out, PrintStream err, Object... commandObjects) {
        this(out, err, () -> Help.PLAIN_WIDTH, commandObjects);
    }

    /** {@code width}: the columns to wrap help at, asked when help is shown. */
    OneShot(PrintStream out, PrintStream err, IntSupplier width, Object... commandObjects) {
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
    OneShot shellOnly(Class<?>... types) {
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
    static OneShot standard() {
        RuleBases rules = new RuleBases();
        Workbench bench = new Workbench(Workbench.Run.COMMAND);
        Output out = Output.standardOutput();
        return new OneShot(System.out, System.err, out::width,
                new AssessCommands(rules, bench, out),
                new ExplainCommands(rules, bench, out),
                new BatchCommands(rules, out),
                new ExploreCommands(rules, bench, out),
                new VocabularyCommands(out, rules),
                new RulesCommands(rules, out),
                new VersionCommand(rules, out),
                new CompletionCommand(out))
                .shellOnly(WorkbenchCommands.class, ConsultCommands.class, ScriptCommand.class);
    }

    /** The command objects, for wiring them to other streams. */
    Object[] commandObjects() {
        return commandObjects.toArray();
    }

    /**
     * Runs {@code args} when they name a one-shot command, printing failures as the shell
     * would, and refuses a name that is no command; empty for what the full shell handles
     * (scripts, help on the framework's own commands).
     */
    public static Optional<Integer> run(String... args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        if (args[0].startsWith("@")) {
            // The shell runs the script; a script that is not there it would fail on in silence.
            Optional<String> problem = scriptProblem(args[0].substring(1));
            problem.ifPresent(System.err::println);
            return problem.map(p -> ExitCode.USAGE.status());
        }
        return standard().execute(args);
    }

    /** Why {@code @FILE} cannot run, when it cannot. */
    static Optional<String> scriptProblem(String file) {
        if (file.isBlank()) {
            return Optional.of("a file name is missing after @: write it right after the @, with no space, e.g. @examples/session.apsa");
        }
        Path script = UserPaths.of(file);
        String why = Files.isDirectory(script) ? "is a folder" : !Files.exists(script) ? "no such file"
                : !Files.isReadable(script) ? "cannot be read: permission denied" : null;
        return Optional.ofNullable(why).map(w -> file + ": " + w + "; give a file of shell commands, e.g. @examples/session.apsa");
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
            err.println(inTheShell(name) + "; 'help " + name + "' shows what it takes");
            return Optional.of(ExitCode.USAGE.status());
        }
        Target target = commands.get(name);
        try {
            Object[] values = parse(name, target.method(), rest);
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
        List<Help.Entry> entries = new ArrayList<>();
        commands.values().stream().filter(t -> !t.method().getAnnotation(Command.class).hidden())
                .forEach(t -> entries.add(Help.entry(t.method())));
        shellOnly.values().forEach(m -> entries.add(Help.entry(m)));
        return new Help(entries);
    }

    private static String inTheShell(String command) {
        return "'" + command + "' is a command of the interactive shell (java -jar apsa.jar) and of @FILE scripts, "
                + "where the fact set and the rules in use stay from one command to the next";
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

    /**
     * The method's arguments from the words after the command's name. A word without an
     * option's name goes to the next option that takes one by position ({@link #positional});
     * a word left over is an error that names it, never joined to another value or given to
     * an option it was not meant for.
     */
    static Object[] parse(String command, Method method, List<String> words) {
        Parameter[] parameters = method.getParameters();
        boolean[] byPosition = positional(parameters);
        Object[] values = new Object[parameters.length];
        boolean[] given = new boolean[parameters.length];
        List<List<String>> collected = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            collected.add(new ArrayList<>());
        }
        int positional = 0;
        // The option whose one value the previous word was: a word after it may be meant as more of that value.
        int valueOf = -1;
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            int after = valueOf;
            valueOf = -1;
            if (word.startsWith("--") && word.length() > 2) {
                String name = word.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                int p = byName(parameters, name);
                if (p < 0) {
                    List<String> names = Arrays.stream(parameters).map(OneShot::name).toList();
                    throw new UsageException("unknown option --" + name + " for " + command
                            + Suggestions.closest(name, names).map(s -> " (did you mean --" + s + "?)").orElse("")
                            + "; 'help " + command + "' lists its options");
                }
                given[p] = true;
                Class<?> type = parameters[p].getType();
                if (type == boolean.class || type == Boolean.class) {
                    collected.get(p).add(inline == null ? "true" : inline);
                } else if (inline != null) {
                    collected.get(p).add(inline);
                } else if (isMulti(type)) {
                    while (w + 1 < words.size() && !words.get(w + 1).startsWith("--")) {
                        collected.get(p).add(words.get(++w));
                    }
                } else if (w + 1 < words.size() && byName(parameters, optionName(words.get(w + 1))) < 0) {
                    collected.get(p).add(words.get(++w));
                    valueOf = p;
                } else {
                    throw new UsageException("--" + name + " needs a value; 'help " + command + "' says what it takes");
                }
            } else {
                while (positional < parameters.length && byPosition[positional]
                        && given[positional] && !isMulti(parameters[positional].getType())) {
                    positional++;
                }
                if (positional >= parameters.length || !byPosition[positional]) {
                    throw after >= 0 ? severalWords(parameters[after], words, w) : unexpected(command, word, parameters, byPosition);
                }
                given[positional] = true;
                collected.get(positional).add(word);
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            Option option = parameters[i].getAnnotation(Option.class);
            if (collected.get(i).isEmpty() && option != null && option.defaultValue().isEmpty() && option.required()) {
                missing.add(name(parameters[i]));
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException(UsageMessages.missing(Help.entry(method), missing));
        }
        for (int i = 0; i < parameters.length; i++) {
            Option option = parameters[i].getAnnotation(Option.class);
            List<String> raw = collected.get(i);
            if (raw.isEmpty() && option != null && !option.defaultValue().isEmpty()) {
                raw = List.of(option.defaultValue());
            }
            values[i] = convert(command, parameters[i], raw);
        }
        return values;
    }

    /**
     * Which parameters take a word by position: the first, and the required ones after it;
     * never a flag, which takes no value, and nothing after a list, which takes every word
     * left. 'help' says "also by position" of these, and shows them bare in the usage line.
     */
    static boolean[] positional(Parameter[] parameters) {
        boolean[] byPosition = new boolean[parameters.length];
        boolean still = true;
        for (int i = 0; i < parameters.length; i++) {
            Option option = parameters[i].getAnnotation(Option.class);
            still = still && option != null && !isFlag(parameters[i]) && (i == 0 || option.required());
            byPosition[i] = still;
            still = still && !isMulti(parameters[i].getType());
        }
        return byPosition;
    }

    /** Words after an option's one value: most likely a text of several words, unquoted. */
    private static UsageException severalWords(Parameter option, List<String> words, int at) {
        int end = at;
        while (end < words.size() && !words.get(end).startsWith("--")) {
            end++;
        }
        String meant = String.join(" ", words.subList(at - 1, end));
        String quote = meant.contains("\"") ? "'" : "\"";
        return new UsageException("\"" + words.get(at) + "\" follows the value of --" + name(option) + ", which takes one;"
                + " put a value of several words in quotes: --" + name(option) + " " + quote + meant + quote);
    }

    private static UsageException unexpected(String command, String word, Parameter[] parameters, boolean[] byPosition) {
        List<String> bare = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            if (byPosition[i]) {
                bare.add(Help.metavar(name(parameters[i]), isMulti(parameters[i].getType())));
            }
        }
        String takes = bare.isEmpty() ? "it takes no word without an option's name"
                : "it takes " + String.join(" ", bare) + " by position and the rest by name";
        return new UsageException("unexpected \"" + word + "\" for " + command + ": " + takes + "; 'help " + command
                + "' lists what it takes");
    }

    /** The option a word names ("--note" or "--note=..."), or "" for a word that names none. */
    private static String optionName(String word) {
        if (!word.startsWith("--") || word.length() <= 2) {
            return "";
        }
        int eq = word.indexOf('=');
        return eq < 0 ? word.substring(2) : word.substring(2, eq);
    }

    private static Object convert(String command, Parameter parameter, List<String> raw) {
        Class<?> type = parameter.getType();
        if (type == String[].class) {
            return raw.toArray(String[]::new);
        }
        if (List.class.isAssignableFrom(type)) {
            return List.copyOf(raw);
        }
        if (raw.isEmpty()) {
            return emptyValue(type);
        }
        if (raw.size() > 1) {
            throw new UsageException("--" + name(parameter) + " takes one value, got " + raw.size() + " for " + command);
        }
        String value = raw.get(0);
        try {
            if (type == String.class) {
                return value;
            }
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(value);
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(value);
            }
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(value);
            }
            if (type == boolean.class || type == Boolean.class) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new NumberFormatException(value);
                }
                return Boolean.parseBoolean(value);
            }
        } catch (NumberFormatException e) {
            if ((type == int.class || type == Integer.class || type == long.class || type == Long.class)
                    && WHOLE.matcher(value).matches()) {
                throw new UsageException("--" + name(parameter) + " " + value + " is out of range; 'help " + command
                        + "' says what it takes");
            }
            Option option = parameter.getAnnotation(Option.class);
            throw new UsageException(UsageMessages.notOfItsKind(command, name(parameter), option == null ? null : option.description(),
                    type, value));
        }
        throw new IllegalStateException("no conversion to " + type + " for --" + name(parameter));
    }

    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");

    private static Object emptyValue(Class<?> type) {
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }

    private static int byName(Parameter[] parameters, String name) {
        for (int i = 0; i < parameters.length; i++) {
            if (name(parameters[i]).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static String name(Parameter parameter) {
        Option option = parameter.getAnnotation(Option.class);
        return option != null && option.longNames().length > 0 ? option.longNames()[0] : parameter.getName();
    }

    static boolean isFlag(Parameter parameter) {
        return parameter.getType() == boolean.class || parameter.getType() == Boolean.class;
    }

    static boolean isMulti(Class<?> type) {
        return type.isArray() || List.class.isAssignableFrom(type);
    }
}
