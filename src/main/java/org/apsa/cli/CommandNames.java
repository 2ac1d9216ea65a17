package org.apsa.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The names of the commands Spring Shell registers, kept in {@value #RESOURCE} so that a
 * one-shot run whose first word names no command is answered before the application context
 * starts: the same message, in a fraction of the time. {@code CommandNamesTest} checks the
 * list against the registrations of the real context, so it cannot drift from them.
 */
public final class CommandNames {

    static final String RESOURCE = "/apsa/commands.txt";

    private CommandNames() {
    }

    /** The registered commands, by their full names ("rules validate"). */
    static List<String> all() {
        try (InputStream in = CommandNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The message for a one-shot command line whose first word is no command's first word, or
     * empty when Spring Shell must decide (a command, an option such as {@code --version}, a
     * script {@code @FILE}, or no list to judge by).
     */
    public static Optional<String> unknown(String... args) {
        if (args.length == 0 || args[0].isEmpty() || args[0].startsWith("-") || args[0].startsWith("@")) {
            return Optional.empty();
        }
        List<String> known = all();
        String first = args[0];
        if (known.isEmpty() || known.stream().anyMatch(c -> c.equals(first) || c.startsWith(first + " "))) {
            return Optional.empty();
        }
        return Optional.of(UnknownCommand.message(Arrays.asList(args), known));
    }
}
