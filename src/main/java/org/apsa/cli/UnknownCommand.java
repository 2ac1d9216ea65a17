package org.apsa.cli;

import org.apsa.fact.Suggestions;
import org.springframework.shell.result.CommandNotFoundMessageProvider;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

/** The message for a mistyped command: plain text, with the nearest command when there is one. */
@Component
class UnknownCommand implements CommandNotFoundMessageProvider {

    private final Scripts scripts;

    UnknownCommand(Scripts scripts) {
        this.scripts = scripts;
    }

    @Override
    public String apply(ProviderContext context) {
        return scripts.position().map(at -> at + ": ").orElse("") + message(context);
    }

    private String message(ProviderContext context) {
        List<String> words = context.commands() == null ? List.of() : context.commands();
        Collection<String> known = context.registrations() == null ? List.of() : context.registrations().keySet();
        return message(words, known);
    }

    /** The message for {@code words} that name no command of {@code known}: in the shell and in a one-shot run alike. */
    static String message(List<String> words, Collection<String> known) {
        List<String> group = subcommands(words, known);
        if (words.size() == 1 && !group.isEmpty()) {
            return "\"" + words.get(0) + "\" needs a subcommand: " + String.join(", ", group) + "; 'help' lists the commands";
        }
        return "unknown command \"" + typed(words, group) + "\"" + suggestion(words, known) + "; 'help' lists the commands";
    }

    /**
     * " (did you mean ...)" for the words typed, or empty: a mistyped subcommand ({@code rules
     * valdate}) is matched among its group's commands, anything else among all.
     */
    static String suggestion(List<String> words, Collection<String> known) {
        if (words.isEmpty()) {
            return "";
        }
        List<String> group = subcommands(words, known);
        return Suggestions.didYouMean(typed(words, group), group.isEmpty() || words.size() < 2 ? known : group);
    }

    /** The command as typed: two words when the first names a group ({@code rules valdate}), else one. */
    private static String typed(List<String> words, List<String> group) {
        if (words.isEmpty()) {
            return "";
        }
        return group.isEmpty() || words.size() < 2 ? words.get(0) : words.get(0) + " " + words.get(1);
    }

    /** The commands of the group the first word names ({@code rules} gives {@code rules validate}, ...), sorted. */
    private static List<String> subcommands(List<String> words, Collection<String> known) {
        if (words.isEmpty()) {
            return List.of();
        }
        String prefix = words.get(0) + " ";
        return known.stream().filter(k -> k.startsWith(prefix)).sorted().toList();
    }
}
