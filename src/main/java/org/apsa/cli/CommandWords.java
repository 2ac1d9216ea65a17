package org.apsa.cli;

import org.apsa.fact.Suggestions;
import org.springframework.shell.command.annotation.Option;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * How the tool reads the words of one of its commands, wherever it is typed: in the shell,
 * in a script or on the command line (Spring Shell runs all three, {@link ToolShell}). The
 * commands' {@code @Command} and {@code @Option} annotations drive it.
 *
 * <p>Options by {@code --name value} or {@code --name=value}, the rest by position to the
 * options that take a word by position ({@link #positional}), a list option taking every
 * remaining word, booleans as flags. A word left over is an error that names it; an empty
 * word ({@code ''}) is a value.
 */
final class CommandWords {

    private CommandWords() {
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
        List<List<String>> collected = Stream.<List<String>>generate(ArrayList::new).limit(parameters.length).toList();
        int positional = 0;
        // The option whose one value the previous word was: a word after it may be meant as more of that value.
        int valueOf = -1;
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            int after = valueOf;
            valueOf = -1;
            if (word.startsWith("--") && word.length() > 2) {
                String name = optionName(word);
                String inline = word.indexOf('=') < 0 ? null : word.substring(word.indexOf('=') + 1);
                int p = byName(parameters, name);
                if (p < 0) {
                    List<String> names = Arrays.stream(parameters).map(CommandWords::name).toList();
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
            throw missing(Help.entry(method), missing);
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

    /**
     * Required options left out, all of them at once, with the command's example:
     * {@code set: give the id (an indicator id) and the level (a level of its scale), e.g. set ...}.
     * An option that may be given by position is named as a word to give, the others as their option.
     */
    private static UsageException missing(Help.Entry command, List<String> names) {
        List<String> wanted = command.options().stream().filter(o -> names.contains(o.name()))
                .map(o -> (o.positional() ? "the " : "--") + o.name() + (o.description().isEmpty() ? "" : " (" + o.description() + ")"))
                .toList();
        // "a", "a and b", "a, b and c"
        String listed = wanted.size() == 1 ? wanted.get(0)
                : String.join(", ", wanted.subList(0, wanted.size() - 1)) + " and " + wanted.get(wanted.size() - 1);
        return new UsageException(command.name() + ": give " + listed
                + (command.example().isEmpty() ? "; see 'help " + command.name() + "'" : ", e.g. " + command.example()));
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
        List<String> bare = IntStream.range(0, parameters.length).filter(i -> byPosition[i])
                .mapToObj(i -> Help.metavar(name(parameters[i]), isMulti(parameters[i].getType()))).toList();
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
            // A primitive's own default, a wrapper's null: an option not given and without a default.
            return EMPTY.get(type);
        }
        if (raw.size() > 1) {
            throw new UsageException("--" + name(parameter) + " takes one value, got " + raw.size() + " for " + command);
        }
        String value = raw.get(0);
        Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
        try {
            if (type == String.class) {
                return value;
            }
            if (boxed == Integer.class) {
                return Integer.parseInt(value);
            }
            if (boxed == Long.class) {
                return Long.parseLong(value);
            }
            if (boxed == Double.class) {
                return Double.parseDouble(value);
            }
            if (boxed == Boolean.class) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new NumberFormatException(value);
                }
                return Boolean.parseBoolean(value);
            }
        } catch (NumberFormatException e) {
            boolean whole = boxed == Integer.class || boxed == Long.class;
            if (whole && WHOLE.matcher(value).matches()) {
                throw new UsageException("--" + name(parameter) + " " + value + " is out of range; 'help " + command
                        + "' says what it takes");
            }
            // "abc" is not a number; --confidence takes a number (in (0, 1]); see 'help set'
            String kind = whole ? "a whole number" : boxed == Double.class ? "a number" : "true or false";
            Option option = parameter.getAnnotation(Option.class);
            String description = option == null || option.description().isEmpty() ? "" : " (" + option.description() + ")";
            throw new UsageException("\"" + value + "\" is not " + kind + "; --" + name(parameter) + " takes " + kind + description
                    + "; see 'help " + command + "'");
        }
        throw new IllegalStateException("no conversion to " + type + " for --" + name(parameter));
    }

    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");

    private static final Map<Class<?>, Object> EMPTY = Map.of(boolean.class, false, int.class, 0, double.class, 0.0);

    private static int byName(Parameter[] parameters, String name) {
        return IntStream.range(0, parameters.length).filter(i -> name(parameters[i]).equals(name)).findFirst().orElse(-1);
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
