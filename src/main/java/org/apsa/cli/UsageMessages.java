package org.apsa.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The words of a usage error, whichever parser found it: the tool's ({@link CommandWords}) or the
 * shell's ({@link Failures}), so that a mistake reads the same wherever it is made. Each is
 * one line that names the command and says what to write instead.
 */
final class UsageMessages {

    private UsageMessages() {
    }

    /**
     * Required options left out, all of them at once, with the command's example:
     * {@code set: give the id (an indicator id) and the level (a level of its scale), e.g. set ...}.
     * An option that may be given by position is named as a word to give, the others as their option.
     */
    static String missing(Help.Entry command, Collection<String> options) {
        // In the command's order, whatever order the parser found them in.
        List<String> wanted = new ArrayList<>(command.options().stream().filter(o -> options.contains(o.name()))
                .map(o -> (o.positional() ? "the " + o.name() : "--" + o.name())
                        + (o.description().isEmpty() ? "" : " (" + o.description() + ")")).toList());
        options.stream().filter(name -> command.options().stream().noneMatch(o -> o.name().equals(name))).sorted()
                .forEach(name -> wanted.add("--" + name));
        return command.name() + ": give " + and(wanted) + (command.example().isEmpty() ? "; " + seeHelp(command.name())
                : ", e.g. " + command.example());
    }

    /**
     * A value that is not of its option's kind:
     * {@code "abc" is not a number; --confidence takes a number (in (0, 1]); see 'help set'}.
     */
    static String notOfItsKind(String command, String option, String description, Class<?> type, String value) {
        return "\"" + value + "\" is not " + kind(type) + "; --" + option + " takes " + kind(type)
                + (description == null || description.isEmpty() ? "" : " (" + description + ")") + "; " + seeHelp(command);
    }

    /** What a value of {@code type} is, in words. */
    static String kind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a value of another kind";
    }

    static String seeHelp(String command) {
        return command == null ? "see 'help'" : "see 'help " + command + "'";
    }

    /** "a", "a and b", "a, b and c". */
    private static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
