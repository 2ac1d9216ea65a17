package org.apsa.cli;

import java.util.List;
import java.util.Locale;

/** One command's help, the same one-shot and in the shell: its description, then each option. */
final class Usage {

    /** One option: its long name, what it is, whether it must be given, its default (empty: none). */
    record Opt(String name, String description, boolean required, String defaultValue) {
    }

    private Usage() {
    }

    static String of(String command, String description, List<Opt> options) {
        StringBuilder text = new StringBuilder(command).append(": ").append(description)
                .append(options.isEmpty() ? "\n\nNo options.\n" : "\n\nOptions (the first ones may also be given by position):\n");
        for (Opt option : options) {
            text.append(String.format(Locale.ROOT, "  --%-10s %s%s%s\n", option.name(), option.description(),
                    option.required() ? " (required)" : "",
                    shownDefault(option.defaultValue()).map(d -> " (default: " + d + ")").orElse("")));
        }
        return text.toString();
    }

    /** A default worth saying: none for a flag, which is off unless given. */
    private static java.util.Optional<String> shownDefault(String value) {
        return value == null || value.isEmpty() || value.equals("false") ? java.util.Optional.empty() : java.util.Optional.of(value);
    }
}
