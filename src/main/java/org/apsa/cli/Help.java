package org.apsa.cli;

import org.springframework.shell.command.CommandAlias;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tool's help, one renderer for the interactive shell, scripts and one-shot runs: the
 * overview of the commands by group, and one command's (or a group's) description, usage,
 * example and options. A command of the tool is described from its {@code @Command} and
 * {@code @Option} annotations, one of the shell framework's own ({@code clear}, {@code quit})
 * from its registration, so a command's help reads the same wherever it is asked for.
 *
 * <p>Text is wrapped at spaces, never inside a word, with a hanging indent, to the width the
 * caller gives: the terminal's when the text goes to one, else {@link #PLAIN_WIDTH} (see
 * {@link Output#width()}). A fixed width off a terminal keeps piped and saved help
 * readable in any viewer, and the same from one run to the next.
 */
final class Help {

    /** The width of help that goes to a pipe, a file or anything else that is not a terminal. */
    static final int PLAIN_WIDTH = 100;

    /** Narrower than this, wrapping would leave a word or two a line: the text runs over instead. */
    private static final int NARROWEST = 40;

    /** The group of the shell's own commands, the framework's included. */
    static final String SHELL = "Shell";

    /** Groups in the order the overview shows them; a group not named here comes after them, alphabetically. */
    private static final List<String> GROUPS = List.of("Assessment", "Explanation", "Facts", "Workbench", "Rules", SHELL);

    /**
     * Commands in the order of a user's work: assess, then look into why; open a fact set,
     * change it, compare, save; check rules, then document them. A command not named here
     * comes last in its group, alphabetically.
     */
    static final List<String> ORDER = List.of(
            "assess", "batch",
            "explain", "why-not", "sensitivity", "explore",
            "vocabulary",
            "load", "new", "show", "set", "unset", "what-if", "diff", "recommend", "consult", "history", "save",
            "rules list", "rules validate", "rules test", "rules coverage", "rules doc", "rules reload",
            "help", "version", "script", "clear", "quit");

    private static final Pattern EXAMPLE = Pattern.compile("(.*?)\\s*Example: (.*)", Pattern.DOTALL);

    /** Keeps the words of one usage item ("[--format FORMAT]") on one line; a space once wrapped. */
    private static final char UNBROKEN = '\u00a0';

    /** Each status on one line with its meaning. */
    private static final String EXIT_STATUS = "Exit status: " + Stream.of("0 done", "1 invalid input", "2 usage error",
            "3 rule base error", "4 internal error", "130 stopped (Ctrl-C)").map(Help::unbroken).collect(Collectors.joining(", ")) + ".";

    /**
     * One option: its long name, what it is, whether it must be given, its default (empty:
     * none), whether it is a flag (no value) or takes many values, and whether its value may
     * be given by position, without the option's name.
     */
    record Opt(String name, String description, boolean required, String defaultValue, boolean flag, boolean many,
               boolean positional) {
    }

    /** One command: its name and other names, its group, what it does, an example (empty: none), its options. */
    record Entry(String name, List<String> aliases, String group, String description, String example, List<Opt> options,
                 boolean shellOnly) {

        List<String> names() {
            return Stream.concat(Stream.of(name), aliases.stream()).toList();
        }
    }

    private final List<Entry> entries;

    Help(Collection<Entry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparing((Entry e) -> groupRank(e.group())).thenComparing(Entry::group)
                .thenComparing(e -> commandRank(e.name())).thenComparing(Entry::name)).toList();
    }

    /**
     * A command of the tool, from its annotations: the class's {@code @Command} gives the
     * first word of a two-word command ("rules") and the group, the method's the rest.
     */
    static Entry entry(Method method) {
        Command group = method.getDeclaringClass().getAnnotation(Command.class);
        Command command = method.getAnnotation(Command.class);
        String name = name(method);
        String groupName = !command.group().isEmpty() ? command.group() : group == null || group.group().isEmpty() ? "Commands" : group.group();
        List<Opt> options = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        boolean[] positional = CommandWords.positional(parameters);
        for (int i = 0; i < parameters.length; i++) {
            Option option = parameters[i].getAnnotation(Option.class);
            if (option == null) {
                continue;
            }
            options.add(new Opt(CommandWords.name(parameters[i]), option.description(), option.required(), option.defaultValue(),
                    CommandWords.isFlag(parameters[i]), CommandWords.isMulti(parameters[i].getType()), positional[i]));
        }
        return described(name, List.of(), groupName, command.description(), options, shellOnly(method));
    }

    /** Whether a command works only in the shell and in scripts ({@link ShellOnly} on it or on its class). */
    static boolean shellOnly(Method method) {
        return method.isAnnotationPresent(ShellOnly.class) || method.getDeclaringClass().isAnnotationPresent(ShellOnly.class);
    }

    /** A command's full name, from its class's {@code @Command} and its method's: "rules validate". */
    static String name(Method method) {
        Command group = method.getDeclaringClass().getAnnotation(Command.class);
        String prefix = group == null ? "" : String.join(" ", group.command());
        return (prefix + " " + String.join(" ", method.getAnnotation(Command.class).command())).trim();
    }

    /** A command of the shell framework's own ({@code clear}, {@code quit}): what its registration says. */
    static Entry entry(CommandRegistration registration) {
        List<Opt> options = new ArrayList<>();
        for (CommandOption option : registration.getOptions()) {
            if (option.getLongNames().length == 0 || option.getLongNames()[0].equals("help")) {
                continue;
            }
            Class<?> type = option.getType() == null ? String.class : option.getType().resolve(String.class);
            options.add(new Opt(option.getLongNames()[0], option.getDescription(), option.isRequired(), option.getDefaultValue(),
                    type == boolean.class || type == Boolean.class, CommandWords.isMulti(type), false));
        }
        List<String> aliases = registration.getAliases().stream().map(CommandAlias::getCommand).toList();
        return described(registration.getCommand(), aliases, SHELL, registration.getDescription(), options, false);
    }

    private static Entry described(String name, List<String> aliases, String group, String text, List<Opt> options, boolean shellOnly) {
        String description = text == null ? "" : text.strip();
        String example = "";
        Matcher m = EXAMPLE.matcher(description);
        if (m.matches()) {
            description = m.group(1);
            example = m.group(2).strip();
        }
        return new Entry(name, aliases, group, description, example, List.copyOf(options), shellOnly);
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * Every command by group, each with what it does in a phrase and an example, then the
     * exit statuses. One-shot ({@code oneShot}) the commands of the shell alone are named,
     * not listed: they do nothing there.
     */
    String overview(boolean oneShot, int width) {
        List<String> blocks = new ArrayList<>();
        if (oneShot) {
            blocks.add(wrap("", "Usage: java -jar apsa.jar COMMAND [OPTIONS]; with no command, the interactive shell; "
                    + "with @FILE, the shell's commands in FILE.", width, 2) + "\n");
        }
        List<Entry> shown = entries.stream().filter(e -> !oneShot || !e.shellOnly()).toList();
        int column = shown.stream().mapToInt(e -> String.join(", ", e.names()).length()).max().orElse(0) + 4;
        Map<String, List<Entry>> byGroup = shown.stream().collect(Collectors.groupingBy(Entry::group, LinkedHashMap::new,
                Collectors.toList()));
        byGroup.forEach((group, commands) -> {
            StringBuilder block = new StringBuilder(group).append('\n');
            for (Entry e : commands) {
                // The example on one line when it fits on one: after the phrase, else under it.
                String example = e.example().isEmpty() ? "" : "Example: " + e.example();
                String phrase = summary(e.description()) + "." + (example.isEmpty() ? "" : " "
                        + (example.length() <= Math.max(width, NARROWEST) - column ? unbroken(example) : example));
                block.append(wrap(pad("  " + String.join(", ", e.names()), column), phrase, width, column)).append('\n');
            }
            blocks.add(block.toString());
        });
        StringBuilder text = new StringBuilder(String.join("\n", blocks));
        List<String> shellOnly = entries.stream().filter(Entry::shellOnly).map(Entry::name).toList();
        if (oneShot && !shellOnly.isEmpty()) {
            text.append('\n').append(wrap("", "Only in the interactive shell and in @FILE scripts, where the fact set and the rules "
                    + "in use stay from one command to the next: " + shellOnly.stream().map(Help::unbroken).collect(Collectors.joining(", "))
                    + ".", width, 2)).append('\n');
        }
        text.append('\n').append(wrap("", "'help COMMAND' shows a command's options and an example. " + EXIT_STATUS, width, 2))
                .append('\n');
        return text.toString();
    }

    /** The help of a command ({@code rules test}), or of each command of a group ({@code rules}); empty for neither. */
    Optional<String> topic(String topic, int width) {
        Optional<Entry> command = entries.stream().filter(e -> e.names().contains(topic)).findFirst();
        if (command.isPresent()) {
            return Optional.of(command(command.get(), width));
        }
        List<String> group = entries.stream().filter(e -> e.name().startsWith(topic + " ")).map(e -> command(e, width)).toList();
        return group.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", group));
    }

    /** What 'help' says of a name that is no command nor group, with the nearest one when there is one. */
    String unknown(String topic) {
        List<String> names = entries.stream().flatMap(e -> e.names().stream()).toList();
        return "unknown command \"" + topic + "\"" + UnknownCommand.suggestion(List.of(topic.split(" ")), names)
                + "; 'help' lists the commands";
    }

    /** A command's help: what it does, how it is written, an example, and each option with its default. */
    static String command(Entry e, int width) {
        StringBuilder text = new StringBuilder(wrap(e.name() + ": ", e.description(), width, 2)).append("\n\n");
        text.append(wrap("Usage:   ", usage(e), width, 9)).append('\n');
        if (!e.example().isEmpty()) {
            text.append(wrap("Example: ", e.example(), width, 9)).append('\n');
        }
        if (!e.aliases().isEmpty()) {
            text.append(wrap("Also:    ", String.join(", ", e.aliases()), width, 9)).append('\n');
        }
        if (e.shellOnly()) {
            text.append(wrap("", "Only in the interactive shell and in @FILE scripts, not one-shot.", width, 2)).append('\n');
        }
        if (e.options().isEmpty()) {
            return text.append("\nNo options.\n").toString();
        }
        text.append("\nOptions:\n");
        List<String> labels = e.options().stream().map(o -> "  --" + o.name() + (o.flag() ? "" : " " + metavar(o))).toList();
        int column = labels.stream().mapToInt(String::length).max().orElse(0) + 3;
        for (int i = 0; i < e.options().size(); i++) {
            Opt o = e.options().get(i);
            List<String> notes = new ArrayList<>();
            if (o.required()) {
                notes.add("required");
            }
            shownDefault(o.defaultValue()).ifPresent(d -> notes.add("default: " + d));
            if (o.positional()) {
                notes.add("also by position");
            }
            String said = o.description() + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
            text.append(wrap(pad(labels.get(i), column), said, width, column)).append('\n');
        }
        return text.toString();
    }

    /** How a command is written: the words it may take by position bare, the other options by name. */
    private static String usage(Entry e) {
        List<String> items = new ArrayList<>(List.of(e.name()));
        for (Opt o : e.options()) {
            String item = o.positional() ? metavar(o) : "--" + o.name() + (o.flag() ? "" : " " + metavar(o));
            items.add(unbroken(o.required() ? item : "[" + item + "]"));
        }
        return String.join(" ", items);
    }

    private static String metavar(Opt o) {
        return metavar(o.name(), o.many());
    }

    /** How help writes an option's value: its name in capitals ("FILE", "PATH..." for a list). */
    static String metavar(String name, boolean many) {
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + (many ? "..." : "");
    }

    /**
     * What a command does in a phrase, for the overview: its description up to the first
     * colon, semicolon or full stop outside parentheses ("Assess a fact set: the four
     * outlooks..." gives "Assess a fact set"). The whole of it is one 'help COMMAND' away.
     */
    static String summary(String description) {
        int depth = 0;
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && (c == ':' || c == ';'
                    || c == '.' && (i + 1 == description.length() || description.charAt(i + 1) == ' '))) {
                return description.substring(0, i);
            }
        }
        return description;
    }

    /** A default worth saying: none for a flag, which is off unless given. */
    private static Optional<String> shownDefault(String value) {
        return value == null || value.isEmpty() || value.equals("false") ? Optional.empty() : Optional.of(value);
    }

    private static int groupRank(String group) {
        int rank = GROUPS.indexOf(group);
        return rank < 0 ? GROUPS.size() : rank;
    }

    static int commandRank(String name) {
        int rank = ORDER.indexOf(name);
        return rank < 0 ? ORDER.size() : rank;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static String unbroken(String text) {
        return text.replace(' ', UNBROKEN);
    }

    /**
     * {@code first} and then {@code text}, wrapped at spaces to {@code width} columns, each
     * line after the first led by {@code indent} spaces. A word longer than a line is left
     * whole on a line of its own. When {@code first} leaves no room on its line, the text
     * starts on the next.
     */
    static String wrap(String first, String text, int width, int indent) {
        int columns = Math.max(width, NARROWEST);
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : Arrays.stream(text.split(" ")).filter(w -> !w.isEmpty()).toList()) {
            if (!empty && line.length() + 1 + word.length() > columns
                    || empty && line.length() > indent && line.length() + word.length() > columns) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(" ".repeat(indent));
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        out.append(line.toString().stripTrailing());
        return out.toString().replace(UNBROKEN, ' ');
    }
}
