package org.apsa.cli;

import org.springframework.core.io.ResourceLoader;
import org.springframework.shell.command.CommandAlias;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.stringtemplate.v4.AttributeRenderer;
import org.stringtemplate.v4.ModelAdaptor;
import org.stringtemplate.v4.ST;
import org.stringtemplate.v4.STGroup;
import org.stringtemplate.v4.STGroupString;
import org.stringtemplate.v4.misc.ErrorBuffer;
import org.stringtemplate.v4.misc.STMessage;
import org.stringtemplate.v4.misc.STNoSuchPropertyException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The tool's help, for the interactive shell, scripts and one-shot runs alike: the overview
 * of the commands by group, and one command's (or a group's) description, usage, example and
 * options. It is written by two StringTemplate group files, as Spring Shell's own help is
 * ({@code template/apsa-help-commands.stg}, {@code template/apsa-help-command.stg}, named by
 * Spring Shell's {@code spring.shell.command.help.*-template} properties); this class gives
 * them their model. Spring Shell's help model cannot serve: it lists groups alphabetically and
 * a group's commands in no set order, knows no example, positional option or shell-only
 * command, and is not public. A command of the tool is described from its {@code @Command}
 * and {@code @Option} annotations, one of the framework's own ({@code clear}, {@code quit})
 * from its registration, so a command's help reads the same wherever it is asked for.
 *
 * <p>Each line the templates write is wrapped at spaces, never inside a word, to the width
 * the caller gives: the terminal's when the text goes to one, else {@link #PLAIN_WIDTH} (see
 * {@link Output#width()}); its wrapped lines hang at the line's tab, else two spaces in
 * (StringTemplate wraps only between a list's items, not inside a template's own words). A
 * fixed width off a terminal keeps piped and saved help readable in any viewer.
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

    /** Keeps the words of one item ("[--format FORMAT]") on one line: the templates' format "unbroken"; a space once wrapped. */
    private static final char UNBROKEN = '\u00a0';

    /** Where the templates hang a line's wrapped lines. */
    private static final char HANG = '\t';

    /** The templates' text: Spring Shell's help templates, as its {@code spring.shell.command.help} properties name them. */
    record Templates(String commands, String command) {

        static Templates load(ResourceLoader loader, String commands, String command) {
            try {
                return new Templates(loader.getResource(commands).getContentAsString(StandardCharsets.UTF_8),
                        loader.getResource(command).getContentAsString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the help templates " + commands + ", " + command, e);
            }
        }
    }

    /**
     * One option: its long name, what it is, whether it must be given, its default (empty:
     * none), whether it is a flag (no value) or takes many values, and whether its value may
     * be given by position, without the option's name.
     */
    record Opt(String name, String description, boolean required, String defaultValue, boolean flag, boolean many,
               boolean positional) {

        /** How help writes its value: "FILE", "PATH..." for a list. */
        public String metavar() {
            return Help.metavar(name, many);
        }

        /** A default worth saying, or null: none for a flag, which is off unless given. */
        public String shownDefault() {
            return defaultValue == null || defaultValue.isEmpty() || defaultValue.equals("false") ? null : defaultValue;
        }
    }

    /** One command: its name and other names, its group, what it does, an example (empty: none), its options. */
    record Entry(String name, List<String> aliases, String group, String description, String example, List<Opt> options,
                 boolean shellOnly) {

        List<String> names() {
            return Stream.concat(Stream.of(name), aliases.stream()).toList();
        }

        /** Whether it has an example: for the templates, to which an empty text is one. */
        public boolean hasExample() {
            return !example.isEmpty();
        }

        /** What it does in a phrase, for the overview ({@link Help#summary}). */
        public String summary() {
            return Help.summary(description);
        }
    }

    /** A command in the overview: its names padded to the column of the phrases, and whether its example fits after them. */
    record Listed(String label, Entry entry, boolean fits) {
    }

    /** The overview's model: the commands by group, and those named only, for working in the shell alone. */
    record Overview(boolean oneShot, List<Group> groups, List<String> shellOnly) {
    }

    record Group(String name, List<Listed> lines) {
    }

    /** An option in a command's help: its name and value padded to the column of the descriptions. */
    record Described(String label, Opt opt) {
    }

    /** A command's help's model. */
    record Page(Entry entry, List<Described> options) {
    }

    private final List<Entry> entries;
    private final Templates templates;

    Help(Collection<Entry> entries, Templates templates) {
        this.templates = templates;
        this.entries = entries.stream().sorted(Comparator.comparing((Entry e) -> groupRank(e.group())).thenComparing(Entry::group)
                .thenComparing(e -> commandRank(e.name())).thenComparing(Entry::name)).toList();
    }

    /** Whether a method is a command of the tool's, described by its annotations, rather than of the framework's. */
    static boolean tools(Method method) {
        return method != null && method.isAnnotationPresent(Command.class) && method.getDeclaringClass().getPackageName().startsWith("org.apsa");
    }

    static boolean tools(CommandRegistration registration) {
        return registration.getTarget() != null && tools(registration.getTarget().getMethod());
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

    /**
     * Every command by group, each with what it does in a phrase and an example, then the
     * exit statuses. One-shot ({@code oneShot}) the commands of the shell alone are named,
     * not listed: they do nothing there.
     */
    String overview(boolean oneShot, int width) {
        List<Entry> shown = entries.stream().filter(e -> !oneShot || !e.shellOnly()).toList();
        int column = shown.stream().mapToInt(e -> String.join(", ", e.names()).length()).max().orElse(0) + 4;
        Map<String, List<Listed>> byGroup = shown.stream().collect(Collectors.groupingBy(Entry::group, LinkedHashMap::new,
                Collectors.mapping(e -> new Listed(pad("  " + String.join(", ", e.names()), column), e,
                        ("Example: " + e.example()).length() <= Math.max(width, NARROWEST) - column), Collectors.toList())));
        List<String> shellOnly = oneShot ? entries.stream().filter(Entry::shellOnly).map(Entry::name).toList() : List.of();
        return render(templates.commands(), new Overview(oneShot,
                byGroup.entrySet().stream().map(g -> new Group(g.getKey(), g.getValue())).toList(), shellOnly), width);
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
    String command(Entry e, int width) {
        List<String> labels = e.options().stream().map(o -> "  --" + o.name() + (o.flag() ? "" : " " + o.metavar())).toList();
        int column = labels.stream().mapToInt(String::length).max().orElse(0) + 3;
        List<Described> options = IntStream.range(0, labels.size())
                .mapToObj(i -> new Described(pad(labels.get(i), column), e.options().get(i))).toList();
        return render(templates.command(), new Page(e, options), width);
    }

    /**
     * The template group's {@code main} on {@code model}, as Spring Shell renders its help
     * templates, each line then wrapped to {@code width}.
     */
    private static String render(String template, Record model, int width) {
        STGroup group = new STGroupString(template);
        // A template that does not compile or names no property of its model fails the help, not the help's text.
        group.setListener(new ErrorBuffer() {
            @Override
            public void compileTimeError(STMessage message) {
                runTimeError(message);
            }

            @Override
            public void runTimeError(STMessage message) {
                throw new IllegalStateException("help template: " + message);
            }
        });
        group.registerRenderer(String.class, (AttributeRenderer<String>) (text, format, locale) ->
                "unbroken".equals(format) ? text.replace(' ', UNBROKEN) : text);
        group.registerModelAdaptor(Record.class, (ModelAdaptor<Record>) (interpreter, self, record, property, name) -> {
            try {
                return record.getClass().getMethod(name).invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new STNoSuchPropertyException(e, record, name);
            }
        });
        ST main = group.getInstanceOf("main");
        main.add("model", model);
        StringBuilder text = new StringBuilder();
        for (String line : main.render().strip().split("\\R")) {
            int hang = line.indexOf(HANG);
            text.append(hang < 0 ? wrap("", line, width, 2) : wrap(line.substring(0, hang), line.substring(hang + 1), width, hang))
                    .append('\n');
        }
        return text.toString();
    }

    /** How help writes an option's value: its name in capitals ("FILE", "PATH..." for a list). */
    static String metavar(String name, boolean many) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_') + (many ? "..." : "");
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
