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
import java.util.regex.Pattern;

/**
 * Runs a one-shot command without starting the shell's application context: the command
 * classes are the shell's own, built by hand, and their {@code @Command} and {@code @Option}
 * annotations drive the parsing, so the two ways in share one definition of each command.
 * Start-up is what a one-shot user waits for on every call; the context is only needed by
 * the interactive shell, scripts ({@code @FILE}) and {@code help}, which take the full path.
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

    private record Target(Object instance, Method method) {
    }

    private final List<Object> commandObjects = new ArrayList<>();

    /** The shell's own commands, which work on the fact set loaded there: known here to say so. */
    private final Map<String, Method> shellOnly = new LinkedHashMap<>();

    OneShot(PrintStream out, PrintStream err, Object... commandObjects) {
        this.out = out;
        this.err = err;
        this.commandObjects.addAll(Arrays.asList(commandObjects));
        for (Object instance : commandObjects) {
            methods(instance.getClass()).forEach((name, method) -> commands.put(name, new Target(instance, method)));
        }
    }

    /** Names the shell's own command classes, whose commands one-shot can only describe. */
    OneShot shellOnly(Class<?>... types) {
        for (Class<?> type : types) {
            shellOnly.putAll(methods(type));
        }
        return this;
    }

    /** The commands a class declares, by their full names ("rules validate"). */
    private static Map<String, Method> methods(Class<?> type) {
        Map<String, Method> found = new LinkedHashMap<>();
        Command group = type.getAnnotation(Command.class);
        String prefix = group == null ? "" : String.join(" ", group.command());
        for (Method method : type.getDeclaredMethods()) {
            Command command = method.getAnnotation(Command.class);
            if (command != null) {
                method.setAccessible(true);
                found.put((prefix + " " + String.join(" ", command.command())).trim(), method);
            }
        }
        return found;
    }

    /** The one-shot commands of the tool, wired as the shell wires them. */
    static OneShot standard() {
        RuleBases rules = new RuleBases();
        Workbench bench = new Workbench(true);
        Output out = Output.standardOutput();
        return new OneShot(System.out, System.err,
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
        Path script = Path.of(file.isEmpty() ? "." : file);
        String why = Files.isDirectory(script) ? "is a folder" : !Files.exists(script) ? "no such file"
                : !Files.isReadable(script) ? "cannot be read: permission denied" : null;
        return Optional.ofNullable(why).map(w -> file + ": " + w + "; give a file of shell commands, e.g. @examples/session.apsa");
    }

    Optional<Integer> execute(String... args) {
        if (args[0].equals("help") && (args.length == 1 || commands.containsKey(String.join(" ", Arrays.asList(args).subList(1, args.length))))) {
            out.print(args.length == 1 ? overview() : usage(String.join(" ", Arrays.asList(args).subList(1, args.length))));
            return Optional.of(ExitCode.OK.status());
        }
        String asked = String.join(" ", Arrays.asList(args).subList(args[0].equals("help") ? 1 : 0, args.length));
        if (args[0].equals("help") && shellOnly.containsKey(asked)) {
            out.print(usage(asked, shellOnly.get(asked)) + "\n" + inTheShell(asked) + "\n");
            return Optional.of(ExitCode.OK.status());
        }
        if (shellOnly.containsKey(args[0])) {
            err.println(inTheShell(args[0]) + "; 'help " + args[0] + "' shows what it takes");
            return Optional.of(ExitCode.USAGE.status());
        }
        if (args[0].equals("help") && args.length == 2) {
            // A group's name ('help rules'): each of its commands' help.
            List<String> group = commands.keySet().stream().filter(k -> k.startsWith(args[1] + " ")).sorted().toList();
            if (!group.isEmpty()) {
                out.print(String.join("\n", group.stream().map(this::usage).toList()));
                return Optional.of(ExitCode.OK.status());
            }
        }
        String name = null;
        int words = 0;
        for (int n = Math.min(2, args.length); n >= 1 && name == null; n--) {
            String candidate = String.join(" ", Arrays.asList(args).subList(0, n));
            if (commands.containsKey(candidate)) {
                name = candidate;
                words = n;
            }
        }
        if (name == null) {
            return Optional.empty();
        }
        Target target = commands.get(name);
        try {
            Object[] values = parse(name, target.method(), Arrays.asList(args).subList(words, args.length));
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

    /** The commands by group, each with its description (which ends in an example). */
    private String overview() {
        Map<String, List<String>> byGroup = new java.util.TreeMap<>();
        commands.forEach((name, target) -> {
            Command group = target.instance().getClass().getAnnotation(Command.class);
            String title = group == null || group.group().isEmpty() ? "Commands" : group.group();
            byGroup.computeIfAbsent(title, g -> new ArrayList<>())
                    .add("  " + name + ": " + target.method().getAnnotation(Command.class).description());
        });
        StringBuilder text = new StringBuilder("Usage: java -jar apsa.jar COMMAND [OPTIONS]; with no command, the interactive "
                + "shell (more commands: load, set, what-if, consult, ...).\n");
        byGroup.forEach((group, lines) -> {
            text.append('\n').append(group).append('\n');
            lines.forEach(l -> text.append(l).append('\n'));
        });
        text.append("\n'help COMMAND' shows a command's options. Exit status: 0 done, 1 invalid input, 2 usage error, "
                + "3 rule base error, 4 internal error, 130 stopped (Ctrl-C).\n");
        return text.toString();
    }

    private static String inTheShell(String command) {
        return "'" + command + "' is a command of the interactive shell (java -jar apsa.jar) and of @FILE scripts, "
                + "where a fact set stays loaded from one command to the next";
    }

    private String usage(String name) {
        return usage(name, commands.get(name).method());
    }

    private static String usage(String name, Method method) {
        List<Usage.Opt> options = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            Option option = p.getAnnotation(Option.class);
            if (option != null) {
                options.add(new Usage.Opt(name(p), option.description(), option.required(), option.defaultValue()));
            }
        }
        return Usage.of(name, method.getAnnotation(Command.class).description(), options);
    }

    private int fail(Throwable failure) {
        Failures.Failure f = Failures.classify(failure);
        if (f.code() == ExitCode.INTERNAL) {
            LOG.error("command failed", failure);
        }
        err.println(f.message());
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
        for (int i = 0; i < parameters.length; i++) {
            Option option = parameters[i].getAnnotation(Option.class);
            List<String> raw = collected.get(i);
            if (raw.isEmpty()) {
                if (option != null && !option.defaultValue().isEmpty()) {
                    raw = List.of(option.defaultValue());
                } else if (option != null && option.required()) {
                    throw new UsageException("missing the " + name(parameters[i]) + " for " + command + " (give it after '"
                            + command + "', or as --" + name(parameters[i]) + "); 'help " + command + "' shows an example");
                }
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
            throw new UsageException("--" + name(parameter) + " takes " + (type == int.class || type == Integer.class
                    ? "a whole number" : type == boolean.class || type == Boolean.class ? "true or false" : "a number")
                    + ", not \"" + value + "\"");
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

    private static String name(Parameter parameter) {
        Option option = parameter.getAnnotation(Option.class);
        return option != null && option.longNames().length > 0 ? option.longNames()[0] : parameter.getName();
    }

    private static boolean isFlag(Parameter parameter) {
        return parameter.getType() == boolean.class || parameter.getType() == Boolean.class;
    }

    private static boolean isMulti(Class<?> type) {
        return type.isArray() || List.class.isAssignableFrom(type);
    }
}
