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
 * <p>Parsing follows the shell's conventions: options by {@code --name value} or
 * {@code --name=value}, the rest by position in the order of the method's parameters, a
 * list option taking every remaining word, booleans as flags.
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
                new VocabularyCommands(out),
                new RulesCommands(rules, out))
                .shellOnly(WorkbenchCommands.class, ConsultCommands.class, ScriptCommand.class);
    }

    /** The command objects, for wiring them to other streams. */
    Object[] commandObjects() {
        return commandObjects.toArray();
    }

    /**
     * Runs {@code args} when they name a one-shot command, printing failures as the shell
     * would; empty when they do not (help, scripts, shell commands, typos), for the full
     * shell to handle.
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
            return Optional.empty();
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

    /**
     * 'help', 'help COMMAND' or 'help GROUP' on standard output; empty for any other name,
     * which the shell describes ({@code clear}) or calls unknown.
     */
    private Optional<Integer> help(String topic) {
        Help help = help();
        Optional<String> text = topic.isEmpty() ? Optional.of(help.overview(true, width.getAsInt()))
                : help.topic(topic, width.getAsInt());
        if (text.isEmpty()) {
            return Optional.empty();
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
        commands.values().forEach(t -> entries.add(Help.entry(t.method())));
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

    /** The method's arguments from the words after the command's name. */
    static Object[] parse(String command, Method method, List<String> words) {
        Parameter[] parameters = method.getParameters();
        Object[] values = new Object[parameters.length];
        boolean[] given = new boolean[parameters.length];
        List<List<String>> collected = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            collected.add(new ArrayList<>());
        }
        int positional = 0;
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
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
                } else if (w + 1 < words.size()) {
                    collected.get(p).add(words.get(++w));
                } else {
                    throw new UsageException("--" + name + " needs a value; 'help " + command + "' says what it takes");
                }
            } else {
                while (positional < parameters.length && (isFlag(parameters[positional])
                        || (given[positional] && !isMulti(parameters[positional].getType())))) {
                    positional++;
                }
                if (positional >= parameters.length) {
                    throw new UsageException("unexpected \"" + word + "\" for " + command + "; 'help " + command
                            + "' lists what it takes");
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
            if ((type == int.class || type == Integer.class) && WHOLE.matcher(value).matches()) {
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
